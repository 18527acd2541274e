package dev.foodpipeline.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

class BrokerSettingsTest {

  private static final Path SERVER_PROPERTIES = Path.of("config/kafka/server.properties");

  @Test
  void localStackServerPropertiesRepeatTheLeanSettingsOfTheTests() throws IOException {
    Map<String, String> file =
        Utils.propsToStringMap(Utils.loadProps(SERVER_PROPERTIES.toString()));

    assertThat(file).containsAllEntriesOf(BrokerSettings.lean());
  }

  @Test
  void localStackBrokerListensOnLoopbackPorts9092And9093() throws IOException {
    Properties file = Utils.loadProps(SERVER_PROPERTIES.toString());

    assertThat(file.getProperty("listeners"))
        .isEqualTo("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
    assertThat(KafkaBroker.bootstrapServersOf(file)).isEqualTo("127.0.0.1:9092");
  }

  @Test
  void everyInternalTopicHasReplicationFactorOne() {
    assertThat(BrokerSettings.lean())
        .containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("transaction.state.log.replication.factor", "1")
        .containsEntry("transaction.state.log.min.isr", "1")
        .containsEntry("share.coordinator.state.topic.replication.factor", "1")
        .containsEntry("auto.create.topics.enable", "false");
  }

  @Test
  void singleNodeAdvertisesTheBrokerPortAndBootstrapsTheControllerPort() {
    Map<String, String> settings = BrokerSettings.singleNode(1111, 2222, Path.of("/tmp/x"));

    assertThat(settings)
        .containsEntry("listeners", "PLAINTEXT://127.0.0.1:1111,CONTROLLER://127.0.0.1:2222")
        .containsEntry("controller.quorum.bootstrap.servers", "127.0.0.1:2222")
        .containsEntry("log.dirs", "/tmp/x");
    Properties properties = new Properties();
    properties.putAll(settings);
    assertThat(KafkaBroker.bootstrapServersOf(properties)).isEqualTo("127.0.0.1:1111");
  }

  @Test
  void bootstrapServersNeedTheInterBrokerListener() {
    Properties properties = new Properties();
    properties.setProperty("listeners", "CONTROLLER://127.0.0.1:9093");

    assertThatThrownBy(() -> KafkaBroker.bootstrapServersOf(properties))
        .hasMessageContaining("No PLAINTEXT listener");
  }
}
