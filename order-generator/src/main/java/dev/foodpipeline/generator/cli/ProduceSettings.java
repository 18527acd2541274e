package dev.foodpipeline.generator.cli;

import dev.foodpipeline.generator.GenerationSpec;
import dev.foodpipeline.generator.producer.KafkaSettings;
import dev.foodpipeline.generator.producer.RunLimits;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The configuration of a {@code produce} run, built from its flags (and the environment, through
 * their defaults), validated at once: a bad value fails with a one-line message naming the flag.
 *
 * @param kafka how to reach Kafka
 * @param replicationFactor for the topics the setup creates
 * @param setup whether to create the topics and publish the restaurants first
 * @param generation seed, invalid ratio and mix, first sequence number
 * @param limits count and/or duration
 * @param rate orders per second; 0 is as fast as possible
 */
public record ProduceSettings(
    KafkaSettings kafka, short replicationFactor, boolean setup, GenerationSpec generation, RunLimits limits, double rate) {

  public ProduceSettings {
    requireReplicationFactor(replicationFactor);
    if (!(rate >= 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("--rate must be 0 (as fast as possible) or more, was " + rate);
    }
  }

  /**
   * @throws IllegalArgumentException naming the flag whose value is wrong
   */
  static ProduceSettings fromFlags(
      KafkaSettings kafka,
      int replicationFactor,
      boolean setup,
      long seed,
      double invalidRatio,
      long startSequence,
      Long count,
      Duration duration,
      double rate) {
    if (!(invalidRatio >= 0.0 && invalidRatio <= 1.0)) {
      throw new IllegalArgumentException("--invalid-ratio must be between 0.0 and 1.0, was " + invalidRatio);
    }
    if (startSequence < 0) {
      throw new IllegalArgumentException("--start-sequence must be 0 or more, was " + startSequence);
    }
    if (count != null && count < 0) {
      throw new IllegalArgumentException("--count must be 0 or more, was " + count);
    }
    if (duration != null && (duration.isNegative() || duration.isZero())) {
      throw new IllegalArgumentException("--duration must be more than 0, was " + duration);
    }
    GenerationSpec generation = GenerationSpec.of(seed, invalidRatio).withFirstSequence(startSequence);
    RunLimits limits =
        new RunLimits(count == null ? OptionalLong.empty() : OptionalLong.of(count), Optional.ofNullable(duration));
    return new ProduceSettings(kafka, requireReplicationFactor(replicationFactor), setup, generation, limits, rate);
  }

  static short requireReplicationFactor(int replicationFactor) {
    if (replicationFactor < 1 || replicationFactor > Short.MAX_VALUE) {
      throw new IllegalArgumentException("--replication-factor must be between 1 and " + Short.MAX_VALUE + ", was " + replicationFactor);
    }
    return (short) replicationFactor;
  }
}
