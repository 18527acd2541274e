package dev.foodpipeline.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code topology.describe()} against the checked-in {@code src/test/resources/topology.txt}, so
 * that every change to the topology's shape or names shows in review. After an intended change, run
 * with {@code -Dtopology.snapshot.update=true} to rewrite the file, and review the diff.
 */
class TopologySnapshotTest {
  private static final Path SNAPSHOT = Path.of("src/test/resources/topology.txt");

  @Test
  void topologyMatchesTheCheckedInSnapshot() throws IOException {
    String actual = OrderTopology.build(TopologySettings.defaults()).describe().toString();
    if (Boolean.getBoolean("topology.snapshot.update")) {
      Files.writeString(SNAPSHOT, actual, StandardCharsets.UTF_8);
    }
    Path written = Path.of("target/topology.actual.txt");
    Files.createDirectories(written.getParent());
    Files.writeString(written, actual, StandardCharsets.UTF_8);

    assertThat(actual)
        .as(
            "topology.describe() differs from %s (actual in %s; rerun with -Dtopology.snapshot.update=true if intended)",
            SNAPSHOT, written)
        .isEqualTo(Files.readString(SNAPSHOT, StandardCharsets.UTF_8));
  }

  @Test
  void topologyIsTheSameForAnySettings() {
    TopologySettings other =
        TopologySettings.withClock(
            java.time.Clock.fixed(OrderFixtures.NOW, java.time.ZoneOffset.UTC));
    assertThat(OrderTopology.build(other).describe().toString())
        .isEqualTo(OrderTopology.build(TopologySettings.defaults()).describe().toString());
  }
}
