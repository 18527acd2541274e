package dev.foodpipeline.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.infra.ConnectWorker;
import dev.foodpipeline.infra.PostgresServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine;

/** What the sink integration tests share: registering the shipped connectors, reading tables. */
final class SinkTestSupport {
  private static final Path PLUGIN_PATH =
      Path.of(System.getProperty("connect.it.pluginPath", "target/plugins"));

  /**
   * The tests' secrets folder, as compose's volume and the local stack's .local-stack/secrets: one
   * file, {@code password}, owner-only, holding the test database's password.
   */
  static final Path SECRETS = writeSecrets();

  /** What the connectors are given instead of the password: a reference into {@link #SECRETS}. */
  static final String PASSWORD_REFERENCE = "${directory:" + SECRETS + ":password}";

  /** The flush retry delay the tests register the connectors with, so that they wait less. */
  static final Duration FAST_FLUSH_RETRY_DELAY = Duration.ofSeconds(1);

  private SinkTestSupport() {}

  /** The flush retry delay of the shipped {@code connector} file (connectors/NAME.json). */
  static Duration shippedFlushRetryDelay(String connector) {
    String delay =
        ConnectorConfig.read(Path.of("connectors", connector + ".json"))
            .config()
            .get("flush.retry.delay.ms");
    return Duration.ofMillis(Long.parseLong(delay));
  }

  /** A distributed worker as the local stack runs it, with the Debezium plugin folder. */
  static ConnectWorker startWorker(String bootstrapServers) {
    return startWorker(bootstrapServers, Map.of());
  }

  /** {@link #startWorker(String)} with more worker settings, e.g. {@code food.healer.*}. */
  static ConnectWorker startWorker(String bootstrapServers, Map<String, String> settings) {
    ConnectWorker.Builder builder =
        ConnectWorker.builder()
            .workerConfig(Path.of("config/connect-distributed.properties"))
            .bootstrapServers(bootstrapServers)
            .pluginPath(PLUGIN_PATH)
            .set("config.providers.directory.param.allowed.paths", SECRETS.toString());
    settings.forEach(builder::set);
    return builder.start();
  }

  private static Path writeSecrets() {
    try {
      Path folder =
          Files.createTempDirectory(
              "food-secrets",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      Path password =
          Files.createFile(
              folder.resolve("password"),
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(password, PostgresServer.PASSWORD);
      password.toFile().deleteOnExit();
      folder.toFile().deleteOnExit();
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs the registrar CLI as the local stack does: schema, then the four shipped connectors
   * against {@code jdbcUrl}, with the flush retried every second instead of every 3 s (10 tries: a
   * 10 s budget) so that the tests wait less. Returns what the registrar printed.
   */
  static String register(String connectUrl, String jdbcUrl) {
    return register(connectUrl, jdbcUrl, FAST_FLUSH_RETRY_DELAY);
  }

  /** As {@link #register(String, String)}, with the flush retried every {@code flushRetryDelay}. */
  static String register(String connectUrl, String jdbcUrl, Duration flushRetryDelay) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = ConnectorRegistrar.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode =
        commandLine.execute(
            "--connect-url",
            connectUrl,
            "--schema",
            "sql/schema.sql",
            "-c",
            "connection.url=" + jdbcUrl,
            "-c",
            "connection.password=" + PASSWORD_REFERENCE,
            "-c",
            "flush.retry.delay.ms=" + flushRetryDelay.toMillis(),
            "connectors");
    assertThat(exitCode).as("registrar exit code; stderr: %s", err).isZero();
    return out.toString();
  }

  /** The four topics the sinks read, 3 partitions each. */
  static void createSinkTopics(String bootstrapServers) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      admin
          .createTopics(
              Stream.of(
                      SinkRecords.ORDERS_TOPIC,
                      SinkRecords.ITEMS_TOPIC,
                      SinkRecords.REJECTED_TOPIC,
                      SinkRecords.STATS_TOPIC,
                      SinkRecords.NOTIFICATIONS_TOPIC)
                  .map(topic -> new NewTopic(topic, 3, (short) 1))
                  .toList())
          .all()
          .get();
    }
  }

  /**
   * A transactional producer of raw bytes, its transactions initialised: as the Streams app writes.
   */
  static KafkaProducer<byte[], byte[]> transactionalProducer(
      String bootstrapServers, String transactionalId) {
    KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                transactionalId),
            new ByteArraySerializer(),
            new ByteArraySerializer());
    producer.initTransactions();
    return producer;
  }

  /** The first column of the first row of {@code sql}; 0 if the table is not there yet. */
  static long count(String jdbcUrl, String sql) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(jdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState())) {
        return 0; // table not there yet
      }
      throw e;
    }
  }

  /** The values of the first column of {@code sql}, in the query's order. */
  static List<String> strings(String jdbcUrl, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection =
            DriverManager.getConnection(jdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
