package dev.foodpipeline.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Formatting a log dir: standalone for one node, with a shared cluster id for a static quorum. */
class KraftStorageTest {

  private static final String VOTERS = "1@127.0.0.1:9093,2@127.0.0.1:9095,3@127.0.0.1:9097";

  @TempDir Path directory;

  private Properties node(int nodeId, boolean staticQuorum) {
    Properties properties = new Properties();
    properties.putAll(BrokerSettings.lean());
    properties.putAll(
        BrokerSettings.singleNode(Ports.free(), Ports.free(), directory.resolve("n" + nodeId)));
    properties.setProperty("node.id", String.valueOf(nodeId));
    if (staticQuorum) {
      properties.setProperty("controller.quorum.voters", VOTERS);
    }
    return properties;
  }

  @Test
  void aSingleNodeIsFormattedStandaloneAQuorumNodeWithout() {
    Path config = Path.of("server.properties");

    assertThat(KraftStorage.formatArguments(node(1, false), "id", config))
        .containsExactly("format", "--standalone", "-t", "id", "-c", "server.properties");
    assertThat(KraftStorage.formatArguments(node(1, true), "id", config))
        .containsExactly("format", "-t", "id", "-c", "server.properties");
  }

  @Test
  void everyNodeOfAStaticQuorumIsFormattedWithTheClusterIdGiven() {
    String clusterId = Uuid.randomUuid().toString();

    for (int id = 1; id <= 3; id++) {
      Path logDir = directory.resolve("n" + id);
      assertThat(KraftStorage.formatIfNeeded(node(id, true), logDir, Optional.of(clusterId)))
          .isTrue();
      assertThat(KraftStorage.clusterIdOf(logDir)).hasValue(clusterId);
    }
    assertThat(
            KraftStorage.formatIfNeeded(
                node(2, true), directory.resolve("n2"), Optional.of(clusterId)))
        .as("a restart reuses the formatted dir")
        .isFalse();
  }

  @Test
  void aDirOfAnotherClusterIsRefusedNamingBoth() {
    Path logDir = directory.resolve("n1");
    String first = Uuid.randomUuid().toString();
    String other = Uuid.randomUuid().toString();
    KraftStorage.formatIfNeeded(node(1, true), logDir, Optional.of(first));

    assertThatThrownBy(() -> KraftStorage.formatIfNeeded(node(1, true), logDir, Optional.of(other)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("belongs to cluster " + first + ", not " + other);
    assertThat(KraftStorage.formatIfNeeded(node(1, true), logDir, Optional.empty()))
        .as("no id given: whatever the dir holds")
        .isFalse();
  }

  @Test
  void anUnformattedDirHasNoClusterId() {
    assertThat(KraftStorage.clusterIdOf(directory)).isEmpty();
  }
}
