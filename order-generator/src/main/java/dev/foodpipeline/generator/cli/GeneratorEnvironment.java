package dev.foodpipeline.generator.cli;

import dev.foodpipeline.generator.producer.KafkaClientFactory;
import dev.foodpipeline.generator.producer.Sleeper;
import dev.foodpipeline.generator.producer.Ticker;
import dev.foodpipeline.sink.DatabaseSettings;
import dev.foodpipeline.sink.JdbcSinkTables;
import dev.foodpipeline.sink.SinkTables;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The edges of the CLI, injected: the wall clock that dates orders, the ticker and sleeper that
 * pace them, the factory of Kafka clients, the environment variables, whether stderr is a terminal
 * (for the progress line), and how to open the sink's tables. Tests replace any of them.
 */
public record GeneratorEnvironment(
    Clock clock,
    Ticker ticker,
    Sleeper sleeper,
    KafkaClientFactory kafka,
    Map<String, String> env,
    boolean terminal,
    Function<DatabaseSettings, SinkTables> database) {

  public GeneratorEnvironment {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(ticker, "ticker");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(kafka, "kafka");
    env = Map.copyOf(env);
    Objects.requireNonNull(database, "database");
  }

  /** No environment variables, not a terminal, the real PostgreSQL. */
  public GeneratorEnvironment(
      Clock clock, Ticker ticker, Sleeper sleeper, KafkaClientFactory kafka) {
    this(clock, ticker, sleeper, kafka, Map.of(), false, JdbcSinkTables::open);
  }

  /** The real clock, time, Kafka, PostgreSQL, environment and console. */
  public static GeneratorEnvironment system() {
    return new GeneratorEnvironment(
        Clock.systemUTC(),
        Ticker.SYSTEM,
        Sleeper.SYSTEM,
        KafkaClientFactory.DEFAULT,
        System.getenv(),
        System.console() != null,
        JdbcSinkTables::open);
  }

  /**
   * The same, with orders dated by {@code clock} (a fixed clock makes every order's bytes
   * predictable).
   */
  public GeneratorEnvironment withClock(Clock clock) {
    return new GeneratorEnvironment(clock, ticker, sleeper, kafka, env, terminal, database);
  }

  public GeneratorEnvironment withKafka(KafkaClientFactory kafka) {
    return new GeneratorEnvironment(clock, ticker, sleeper, kafka, env, terminal, database);
  }

  public GeneratorEnvironment withTime(Ticker ticker, Sleeper sleeper) {
    return new GeneratorEnvironment(clock, ticker, sleeper, kafka, env, terminal, database);
  }

  public GeneratorEnvironment withEnv(Map<String, String> env) {
    return new GeneratorEnvironment(clock, ticker, sleeper, kafka, env, terminal, database);
  }

  public GeneratorEnvironment withTerminal(boolean terminal) {
    return new GeneratorEnvironment(clock, ticker, sleeper, kafka, env, terminal, database);
  }

  public GeneratorEnvironment withDatabase(Function<DatabaseSettings, SinkTables> database) {
    return new GeneratorEnvironment(clock, ticker, sleeper, kafka, env, terminal, database);
  }
}
