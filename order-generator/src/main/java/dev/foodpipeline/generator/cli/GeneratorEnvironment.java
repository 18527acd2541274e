package dev.foodpipeline.generator.cli;

import dev.foodpipeline.generator.producer.KafkaClientFactory;
import dev.foodpipeline.generator.producer.Sleeper;
import dev.foodpipeline.generator.producer.Ticker;
import java.time.Clock;
import java.util.Objects;

/**
 * The edges of the CLI, injected: the wall clock that dates orders, the ticker and sleeper that pace
 * them, and the factory of Kafka clients. Tests replace any of them.
 */
public record GeneratorEnvironment(Clock clock, Ticker ticker, Sleeper sleeper, KafkaClientFactory kafka) {
  public GeneratorEnvironment {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(ticker, "ticker");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(kafka, "kafka");
  }

  /** The real clock, time and Kafka. */
  public static GeneratorEnvironment system() {
    return new GeneratorEnvironment(Clock.systemUTC(), Ticker.SYSTEM, Sleeper.SYSTEM, KafkaClientFactory.DEFAULT);
  }

  /** The same, with orders dated by {@code clock} (a fixed clock makes every order's bytes predictable). */
  public GeneratorEnvironment withClock(Clock clock) {
    return new GeneratorEnvironment(clock, ticker, sleeper, kafka);
  }

  public GeneratorEnvironment withKafka(KafkaClientFactory kafka) {
    return new GeneratorEnvironment(clock, ticker, sleeper, kafka);
  }

  public GeneratorEnvironment withTime(Ticker ticker, Sleeper sleeper) {
    return new GeneratorEnvironment(clock, ticker, sleeper, kafka);
  }
}
