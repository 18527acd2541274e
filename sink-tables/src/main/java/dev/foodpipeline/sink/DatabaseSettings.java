package dev.foodpipeline.sink;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the pipeline's PostgreSQL.
 *
 * @param jdbcUrl for example {@code jdbc:postgresql://127.0.0.1:5432/food}
 * @param user the login
 * @param password its password
 * @param timeout the longest wait to connect and for one query
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, Duration timeout) {
  public static final String DEFAULT_JDBC_URL = "jdbc:postgresql://127.0.0.1:5432/food";
  public static final String DEFAULT_USER = "food";
  public static final String DEFAULT_PASSWORD = "food";

  public DatabaseSettings {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(timeout, "timeout");
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "--jdbc-url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database), was "
              + jdbcUrl);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("--db-timeout must be more than 0, was " + timeout);
    }
  }

  @Override
  public String toString() {
    return "DatabaseSettings[" + jdbcUrl + ", user " + user + "]";
  }
}
