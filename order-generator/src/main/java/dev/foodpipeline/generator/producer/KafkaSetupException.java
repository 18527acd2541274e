package dev.foodpipeline.generator.producer;

/**
 * Kafka answered but something the run needs is wrong (a missing topic, a refused write). One line.
 */
public final class KafkaSetupException extends RuntimeException {
  public KafkaSetupException(String message) {
    super(message);
  }

  public KafkaSetupException(String message, Throwable cause) {
    super(message, cause);
  }
}
