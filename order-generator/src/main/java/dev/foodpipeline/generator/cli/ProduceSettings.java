package dev.foodpipeline.generator.cli;

import dev.foodpipeline.generator.GenerationSpec;
import dev.foodpipeline.generator.producer.KafkaSettings;
import dev.foodpipeline.generator.producer.LoadShape;
import dev.foodpipeline.generator.producer.RunLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The configuration of a {@code produce} run, built from its flags (and the environment and config
 * file, through their defaults), validated at once: a bad value fails with a one-line message
 * naming the flag.
 *
 * @param kafka how to reach Kafka
 * @param replicationFactor for the topics the setup creates; empty: follows the number of brokers
 * @param setup whether to create the topics and publish the restaurants first
 * @param generation seeds, invalid ratio and kinds, first sequence number, shape
 * @param limits count and/or duration
 * @param load the target rate over time (constant, or with bursts)
 * @param runFile where to describe the run for {@code reconcile --run-file}; null for nowhere
 * @param progressInterval how often a plain progress line is printed when stderr is not a terminal
 * @param prefetch how many records to make ahead on another thread in a run as fast as possible
 */
public record ProduceSettings(
    KafkaSettings kafka,
    OptionalInt replicationFactor,
    boolean setup,
    GenerationSpec generation,
    RunLimits limits,
    LoadShape load,
    Path runFile,
    Duration progressInterval,
    int prefetch) {

  public ProduceSettings {
    Objects.requireNonNull(replicationFactor, "replicationFactor");
    replicationFactor.ifPresent(ProduceSettings::requireReplicationFactor);
    Objects.requireNonNull(load, "load");
    if (progressInterval.isNegative()) {
      throw new IllegalArgumentException(
          "--progress-interval must be 0 (none) or more, was " + progressInterval);
    }
    if (prefetch < 0 || prefetch > MAX_PREFETCH) {
      throw new IllegalArgumentException(
          "--prefetch must be between 0 and " + MAX_PREFETCH + ", was " + prefetch);
    }
  }

  /** Records made ahead, at most: a few MiB even if all were oversized ones. */
  static final int MAX_PREFETCH = 4096;

  /**
   * @throws IllegalArgumentException naming the flag whose value is wrong
   */
  static ProduceSettings fromFlags(
      KafkaSettings kafka,
      Integer replicationFactor,
      boolean setup,
      GenerationSpec generation,
      Long count,
      Duration duration,
      double rate,
      LoadShape.Burst burst,
      Path runFile,
      Duration progressInterval,
      int prefetch) {
    if (count != null && count < 0) {
      throw new IllegalArgumentException("--count must be 0 or more, was " + count);
    }
    if (duration != null && (duration.isNegative() || duration.isZero())) {
      throw new IllegalArgumentException("--duration must be more than 0, was " + duration);
    }
    if (!(rate >= 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException(
          "--rate must be 0 (as fast as possible) or more, was " + rate);
    }
    LoadShape load = burst == null ? LoadShape.constant(rate) : LoadShape.withBursts(rate, burst);
    RunLimits limits =
        new RunLimits(
            count == null ? OptionalLong.empty() : OptionalLong.of(count),
            Optional.ofNullable(duration));
    return new ProduceSettings(
        kafka,
        requireReplicationFactor(replicationFactor),
        setup,
        generation,
        limits,
        load,
        runFile,
        progressInterval,
        prefetch);
  }

  /** Empty when not given (then it follows the cluster), else a valid replication factor. */
  static OptionalInt requireReplicationFactor(Integer replicationFactor) {
    if (replicationFactor == null) {
      return OptionalInt.empty();
    }
    if (replicationFactor < 1 || replicationFactor > Short.MAX_VALUE) {
      throw new IllegalArgumentException(
          "--replication-factor must be between 1 and "
              + Short.MAX_VALUE
              + ", was "
              + replicationFactor);
    }
    return OptionalInt.of(replicationFactor);
  }
}
