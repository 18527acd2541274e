package dev.foodpipeline.dashboard.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.infra.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Where the busiest restaurants come from, on a real PostgreSQL. */
class DatabaseCollectorIT {

  private static PostgresServer postgres;

  @BeforeAll
  static void start() {
    postgres = PostgresServer.start();
  }

  @AfterAll
  static void stop() {
    postgres.close();
  }

  @BeforeEach
  void tables() throws SQLException {
    sql(
        "DROP TABLE IF EXISTS orders, restaurant_stats",
        "CREATE TABLE orders (order_id text PRIMARY KEY, restaurant_id text NOT NULL,"
            + " created_at timestamptz NOT NULL, written_at timestamptz NOT NULL)",
        "CREATE TABLE restaurant_stats (restaurant_id text, window_start timestamptz,"
            + " window_end timestamptz, order_count bigint,"
            + " PRIMARY KEY (restaurant_id, window_start))",
        // By their orders, r1 is the busiest of the last five minutes and r2 the only other.
        "INSERT INTO orders VALUES ('o1', 'r1', now(), now()), ('o2', 'r1', now(), now()),"
            + " ('o3', 'r2', now(), now()), ('o4', 'r3', now(), now() - interval '6 minutes')");
  }

  @Test
  void aKeptConnectionThatPostgresEndedIsOpenedAgainInTheSamePoll() throws Exception {
    try (DatabaseCollector collector = collector()) {
      collector.collect();
      sql(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
              + " WHERE application_name = 'dashboard'");

      assertThat(collector.collect().rows()).containsEntry("orders", 4L);
    }
  }

  @Test
  void theBusiestRestaurantsAreThoseOfTheClosedWindowsOfTheLastFiveMinutes() throws Exception {
    sql(
        "INSERT INTO restaurant_stats VALUES"
            + " ('r2', now() - interval '3 minutes', now() - interval '2 minutes', 4),"
            + " ('r4', now() - interval '2 minutes', now() - interval '1 minute', 2),"
            + " ('r4', now() - interval '3 minutes', now() - interval '2 minutes', 1),"
            + " ('r1', now() - interval '9 minutes', now() - interval '8 minutes', 50)");

    try (DatabaseCollector collector = collector()) {
      assertThat(collector.collect().busiestRestaurants()).containsExactly("r2", "r4");
    }
  }

  @Test
  void untilAWindowHasClosedTheyAreCountedFromTheOrders() throws Exception {
    sql(
        "INSERT INTO restaurant_stats VALUES"
            + " ('r4', now() - interval '9 minutes', now() - interval '8 minutes', 50)");

    try (DatabaseCollector collector = collector()) {
      assertThat(collector.collect().busiestRestaurants()).containsExactly("r1", "r2");
    }
  }

  private static DatabaseCollector collector() {
    return new DatabaseCollector(postgres.jdbcUrl(), postgres.user(), postgres.password());
  }

  private static void sql(String... statements) throws SQLException {
    try (Connection db =
            DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
        Statement statement = db.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }
}
