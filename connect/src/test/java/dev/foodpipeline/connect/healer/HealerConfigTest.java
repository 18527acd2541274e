package dev.foodpipeline.connect.healer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class HealerConfigTest {

  @Test
  void theDefaultsAreTheShippedSchedule() {
    HealerConfig config = new HealerConfig(Map.of("bootstrap.servers", "ignored:9092"));

    assertThat(config.enabled()).isTrue();
    assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.stable()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.backoff())
        .isEqualTo(new BackoffPolicy(Duration.ofSeconds(10), Duration.ofSeconds(60), 30));
  }

  @Test
  void theWorkerFileSaysWhatTheDefaultsSay() throws IOException {
    Properties file = new Properties();
    try (Reader reader =
        Files.newBufferedReader(Path.of("config/connect-distributed.properties"))) {
      file.load(reader);
    }

    assertThat(file.getProperty("rest.extension.classes"))
        .isEqualTo(TaskHealerExtension.class.getName());
    HealerConfig fromFile = new HealerConfig(file);
    HealerConfig defaults = new HealerConfig(Map.of());
    assertThat(fromFile.backoff()).isEqualTo(defaults.backoff());
    assertThat(fromFile.pollInterval()).isEqualTo(defaults.pollInterval());
    assertThat(fromFile.stable()).isEqualTo(defaults.stable());
  }

  @Test
  void aBadValueIsNamed() {
    assertThatThrownBy(() -> new HealerConfig(Map.of(HealerConfig.RESTART_LIMIT, "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(HealerConfig.RESTART_LIMIT);
  }
}
