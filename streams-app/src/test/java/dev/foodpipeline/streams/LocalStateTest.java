package dev.foodpipeline.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStateTest {
  @TempDir Path stateDir;

  private Path task(String name) throws IOException {
    Path task = Files.createDirectories(stateDir.resolve("app").resolve(name).resolve("rocksdb"));
    Files.writeString(task.resolve("CURRENT"), "x");
    return task.getParent();
  }

  @Test
  void afterAnUncleanStopTheTaskDirectoriesGoAndTheProcessIdStays() throws IOException {
    Path task = task("2_1");
    Path processId =
        Files.writeString(stateDir.resolve("app").resolve("kafka-streams-process-metadata"), "{}");

    assertThat(LocalState.prepare(stateDir, "app", "a")).isEqualTo(1);

    assertThat(task).doesNotExist();
    assertThat(processId).exists();
    assertThat(LocalState.prepare(stateDir, "app", "a"))
        .as("once per JVM: an in-process restart is not a crash")
        .isZero();
  }

  @Test
  void afterACleanCloseTheStateStaysAndTheMarkerIsConsumed() throws IOException {
    Path task = task("3_0");
    LocalState.markClean(stateDir, "app");

    assertThat(LocalState.prepare(stateDir, "app", "a")).isZero();

    assertThat(task).exists();
    assertThat(LocalState.marker(stateDir, "app")).doesNotExist();
  }

  @Test
  void aFreshStateDirectoryIsLeftAlone() {
    assertThat(LocalState.prepare(stateDir, "fresh", "a")).isZero();
  }
}
