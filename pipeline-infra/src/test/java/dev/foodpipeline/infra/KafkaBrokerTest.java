package dev.foodpipeline.infra;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

  @Test
  void anInvalidBrokerPropertyFailsTheStartWithItsName() {
    assertThatThrownBy(() -> KafkaBroker.start(Map.of("node.id", "not-a-number")))
        .hasMessageContaining("Formatting the KRaft log dir failed")
        .hasMessageContaining("Invalid value not-a-number");
  }

  @Test
  void waitingForABrokerThatIsNotThereGivesUpAfterTheTimeout() {
    String bootstrap = "127.0.0.1:" + Ports.free();

    assertThatThrownBy(() -> KafkaBroker.awaitReady(bootstrap, Duration.ofMillis(300)))
        .hasMessage("Kafka broker on " + bootstrap + " not ready after 300 ms");
  }
}
