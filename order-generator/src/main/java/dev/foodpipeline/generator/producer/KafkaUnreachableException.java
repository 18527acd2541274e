package dev.foodpipeline.generator.producer;

import java.time.Duration;

/** The cluster did not answer in time, or its address does not resolve. The message is one line. */
public final class KafkaUnreachableException extends RuntimeException {
  public KafkaUnreachableException(String bootstrapServers, Duration timeout, Throwable cause) {
    super(
        "Couldn't reach Kafka at " + bootstrapServers + " within " + Durations.format(timeout),
        cause);
  }

  public KafkaUnreachableException(String bootstrapServers, String detail, Throwable cause) {
    super("Couldn't reach Kafka at " + bootstrapServers + ": " + detail, cause);
  }
}
