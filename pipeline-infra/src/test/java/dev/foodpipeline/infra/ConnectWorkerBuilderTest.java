package dev.foodpipeline.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectWorkerBuilderTest {

  @TempDir Path directory;

  @Test
  void appliesTestOverridesOnTopOfTheWorkerFile() throws IOException {
    Path file = directory.resolve("worker.properties");
    Files.writeString(
        file,
        String.join(
            "\n",
            "bootstrap.servers=127.0.0.1:9092",
            "listeners=http://127.0.0.1:8083",
            "group.id=food-pipeline-connect",
            "config.storage.topic=connect-configs",
            "offset.flush.interval.ms=10000",
            "plugin.path=connect/target/plugins"));

    Map<String, String> properties =
        ConnectWorker.builder()
            .workerConfig(file)
            .bootstrapServers("127.0.0.1:40000")
            .pluginPath(Path.of("plugins"))
            .set("offset.flush.interval.ms", "500")
            .workerProperties();

    assertThat(properties)
        .containsEntry("bootstrap.servers", "127.0.0.1:40000")
        .containsEntry("listeners", "http://127.0.0.1:" + properties.get("rest.advertised.port"))
        .containsEntry("plugin.path", Path.of("plugins").toAbsolutePath().toString())
        .containsEntry("offset.flush.interval.ms", "500")
        .containsEntry("group.id", "food-pipeline-connect")
        .containsEntry("config.storage.topic", "connect-configs");
  }

  @Test
  void aGroupIdOfItsOwnBringsStorageTopicsOfItsOwn() {
    Map<String, String> properties =
        ConnectWorker.builder().groupId("it-7").restPort(18083).workerProperties();

    assertThat(properties)
        .containsEntry("group.id", "it-7")
        .containsEntry("config.storage.topic", "it-7-configs")
        .containsEntry("offset.storage.topic", "it-7-offsets")
        .containsEntry("status.storage.topic", "it-7-status")
        .containsEntry("listeners", "http://127.0.0.1:18083")
        .containsEntry("rest.advertised.port", "18083");
  }

  @Test
  void aMissingWorkerFileIsNamedInTheError() {
    Path missing = directory.resolve("nope.properties");

    assertThatThrownBy(() -> ConnectWorker.builder().workerConfig(missing).workerProperties())
        .hasMessageContaining("Couldn't read the worker config " + missing);
  }
}
