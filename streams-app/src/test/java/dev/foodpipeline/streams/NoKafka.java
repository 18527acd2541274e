package dev.foodpipeline.streams;

import dev.foodpipeline.infra.Ports;
import java.nio.file.Path;
import java.util.Map;

/** Settings for an app without a working Kafka: timeouts short so that failures come fast. */
final class NoKafka {
  private NoKafka() {}

  /** A local port where nothing listens. */
  static String closedPort() {
    return "127.0.0.1:" + Ports.free();
  }

  static StreamsSettings settings(String bootstrapServers, Path stateDir) {
    return StreamsSettings.builder()
        .flag("--bootstrap-servers", bootstrapServers)
        .flag("--instance-id", "lonely")
        .flag("--state-dir", stateDir)
        .flag("--threads", 1)
        .flag("--close-timeout-ms", 10_000)
        .config(
            Map.of(
                "default.api.timeout.ms", "500",
                "request.timeout.ms", "500",
                "task.timeout.ms", "500"))
        .build();
  }
}
