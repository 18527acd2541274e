package dev.foodpipeline.generator.producer;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach Kafka: bootstrap servers, how long to wait for the cluster before giving up, and
 * extra client settings (security and the like) that override ours.
 */
public record KafkaSettings(
    String bootstrapServers, Duration timeout, Map<String, String> clientOverrides) {
  public static final String DEFAULT_BOOTSTRAP_SERVERS = "127.0.0.1:9092";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public KafkaSettings {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(timeout, "timeout");
    if (bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("--bootstrap-servers must not be empty");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(
          "--timeout must be more than 0, was " + Durations.format(timeout));
    }
    clientOverrides = Map.copyOf(clientOverrides);
  }

  public static KafkaSettings of(String bootstrapServers, Duration timeout) {
    return new KafkaSettings(bootstrapServers, timeout, Map.of());
  }
}
