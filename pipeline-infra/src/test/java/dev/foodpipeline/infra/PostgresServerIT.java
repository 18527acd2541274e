package dev.foodpipeline.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerIT {

  @TempDir Path directory;

  @Test
  void userFoodOwnsDatabaseFoodAndCanCreateAndQueryTables() throws SQLException {
    try (PostgresServer postgres = PostgresServer.start()) {
      assertThat(postgres.jdbcUrl())
          .isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/food");
      assertThat(postgres.user()).isEqualTo("food");
      assertThat(postgres.password()).isEqualTo("food");

      try (Connection connection =
              DriverManager.getConnection(
                  postgres.jdbcUrl(), postgres.user(), postgres.password());
          Statement statement = connection.createStatement()) {
        statement.execute(
            "CREATE TABLE orders (order_id text PRIMARY KEY, total numeric(12,2) NOT NULL)");
        statement.execute("INSERT INTO orders VALUES ('o-1', 12.50)");

        assertThat(single(statement, "SELECT total FROM orders WHERE order_id = 'o-1'"))
            .isEqualTo("12.50");
        assertThat(single(statement, "SELECT current_user")).isEqualTo("food");
        assertThat(
                single(
                    statement,
                    "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'food'"))
            .isEqualTo("food");
      }
    }
  }

  @Test
  void localPostgresKeepsItsDataAcrossARestart() throws Exception {
    Path dataDir = directory.resolve("pg");
    int port = Ports.free();
    String[] args = {"--port", String.valueOf(port), "--data-dir", dataDir.toString()};

    try (BackgroundCommand first = BackgroundCommand.start(LocalPostgres::new, args)) {
      assertThat(first.awaitOutput("PostgreSQL ready on", Duration.ofSeconds(90)))
          .contains("PostgreSQL ready on 127.0.0.1:" + port + " (database food, user food");
      execute(port, "CREATE TABLE kept (id int PRIMARY KEY)", "INSERT INTO kept VALUES (42)");
      assertThat(first.stop()).isZero();
      assertThat(first.out()).contains("PostgreSQL stopped");
    }

    try (BackgroundCommand second = BackgroundCommand.start(LocalPostgres::new, args)) {
      second.awaitOutput("PostgreSQL ready on", Duration.ofSeconds(90));
      try (Connection connection = connect(port);
          Statement statement = connection.createStatement()) {
        assertThat(single(statement, "SELECT id FROM kept")).isEqualTo("42");
      }
      assertThat(second.stop()).isZero();
    }
  }

  private static Connection connect(int port) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/food", "food", "food");
  }

  private static void execute(int port, String... sql) throws SQLException {
    try (Connection connection = connect(port);
        Statement statement = connection.createStatement()) {
      for (String each : sql) {
        statement.execute(each);
      }
    }
  }

  private static String single(Statement statement, String query) throws SQLException {
    try (ResultSet rows = statement.executeQuery(query)) {
      assertThat(rows.next()).as("a row from %s", query).isTrue();
      return rows.getString(1);
    }
  }
}
