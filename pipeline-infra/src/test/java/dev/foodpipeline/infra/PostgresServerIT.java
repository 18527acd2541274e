package dev.foodpipeline.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        assertThat(single(statement, "SHOW synchronous_commit"))
            .as("a commit is acknowledged once its WAL reached the OS, not before")
            .isEqualTo("on");
        assertThat(
                single(
                    statement,
                    "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'food'"))
            .isEqualTo("food");
      }
    }
  }

  /**
   * The local stack's launcher, as the local stack runs it: a JVM of its own with a fresh home, so
   * the first start unpacks the binaries (which once failed with a 48 MiB heap).
   */
  @Test
  void localPostgresStartsAServerThatOutlivesItsJvmKeepsItsDataAndIsPrivate() throws Exception {
    Path dataDir = directory.resolve("pg");
    Path home = directory.resolve("pg-home");
    int port = Ports.free();

    String firstStart = launchLocalPostgres(port, dataDir);
    long pid = LocalPostgres.postmasterPid(dataDir);
    assertThat(firstStart)
        .contains("PostgreSQL ready on 127.0.0.1:" + port + " (database food, user food")
        .contains("pid " + pid + ")");
    ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
    execute(port, "CREATE TABLE kept (id int PRIMARY KEY)", "INSERT INTO kept VALUES (42)");
    assertThatThrownBy(
            () ->
                DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + port + "/food", "food", "not-the-password"))
        .hasMessageContaining("password authentication failed for user \"food\"");
    assertThatThrownBy(
            () ->
                DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", ""))
        .isInstanceOf(SQLException.class);
    for (Path folder : List.of(home, home.resolve("binaries"), home.resolve("socket"))) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
          .as("permissions of %s", folder)
          .isEqualTo("rwx------");
    }
    assertThat(home.resolve("socket/.s.PGSQL." + port)).exists();
    assertThat(Files.readString(home.resolve("server.log")))
        .as("the server log after the reload that requires passwords")
        .contains("received SIGHUP")
        .doesNotContain("cannot be changed without restarting")
        .doesNotContain("contains errors");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve("superuser.password"))))
        .isEqualTo("rw-------");
    stop(server);

    launchLocalPostgres(port, dataDir);
    try (Connection connection = connect(port);
        Statement statement = connection.createStatement()) {
      assertThat(single(statement, "SELECT id FROM kept")).isEqualTo("42");
    }
    stop(ProcessHandle.of(LocalPostgres.postmasterPid(dataDir)).orElseThrow());
  }

  /** Runs LocalPostgres in a JVM of its own and returns what it printed once it exited 0. */
  private static String launchLocalPostgres(int port, Path dataDir) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx128m");
    // The coverage agent of this JVM, if any, so that the launcher's lines count too.
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(argument -> argument.startsWith("-javaagent:") && argument.contains("jacoco"))
        .forEach(command::add);
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            LocalPostgres.class.getName(),
            "--port",
            String.valueOf(port),
            "--data-dir",
            dataDir.toString()));
    Process launcher = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(launcher.waitFor(120, TimeUnit.SECONDS)).as("the launcher exits").isTrue();
    String output = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(launcher.exitValue()).as(output).isZero();
    return output;
  }

  private static void stop(ProcessHandle server) throws Exception {
    server.destroy();
    server.onExit().get(60, TimeUnit.SECONDS);
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
