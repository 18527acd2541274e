package dev.foodpipeline.generator.cli;

import dev.foodpipeline.sink.DatabaseSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How {@code reconcile} reaches PostgreSQL (a picocli mixin). */
public final class DatabaseOptions {
  @Option(
      names = "--jdbc-url",
      paramLabel = "URL",
      defaultValue = DatabaseSettings.DEFAULT_JDBC_URL,
      description =
          "The pipeline's PostgreSQL (environment FOOD_JDBC_URL; default: ${DEFAULT-VALUE}).")
  String jdbcUrl;

  @Option(
      names = "--jdbc-user",
      paramLabel = "USER",
      defaultValue = DatabaseSettings.DEFAULT_USER,
      description = "Its user (environment FOOD_DB_USER; default: ${DEFAULT-VALUE}).")
  String user;

  @Option(
      names = "--jdbc-password",
      paramLabel = "PASSWORD",
      defaultValue = DatabaseSettings.DEFAULT_PASSWORD,
      description =
          "Its password; better from the environment (FOOD_DB_PASSWORD) or --config-file (default: food).")
  String password;

  @Option(
      names = "--db-timeout",
      paramLabel = "DURATION",
      defaultValue = "10s",
      converter = DurationConverter.class,
      description = "The longest wait to connect and for one query (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  DatabaseSettings settings() {
    return new DatabaseSettings(jdbcUrl, user, password, timeout);
  }
}
