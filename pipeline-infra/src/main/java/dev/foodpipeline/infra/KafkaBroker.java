package dev.foodpipeline.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft broker (broker and controller in one) running in this JVM, for tests and for
 * the local stack. Every internal topic has replication factor 1, so transactions and exactly-once
 * work on one node; topics are never auto-created.
 *
 * <pre>{@code
 * try (KafkaBroker broker = KafkaBroker.start()) {
 *     String bootstrap = broker.bootstrapServers();
 * }
 * }</pre>
 */
public final class KafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final KafkaRaftServer server;
  private final Properties properties;
  private final String bootstrapServers;
  private final Path ownedDirectory;
  private boolean closed;

  private KafkaBroker(
      KafkaRaftServer server, Properties properties, String bootstrapServers, Path ownedDirectory) {
    this.server = server;
    this.properties = properties;
    this.bootstrapServers = bootstrapServers;
    this.ownedDirectory = ownedDirectory;
  }

  /**
   * Starts a broker on free ports with its log dir in a new temporary directory (deleted on close).
   */
  public static KafkaBroker start() {
    return start(Map.of());
  }

  /**
   * Starts a broker on free ports in a new temporary directory, with {@code extraProperties}
   * applied last (for example {@code Map.of("transaction.max.timeout.ms", "30000")}).
   */
  public static KafkaBroker start(Map<String, String> extraProperties) {
    Path directory = createTempDirectory();
    Properties properties = new Properties();
    properties.putAll(BrokerSettings.lean());
    properties.putAll(
        BrokerSettings.singleNode(Ports.free(), Ports.free(), directory.resolve("data")));
    properties.putAll(extraProperties);
    try {
      return launch(properties, directory);
    } catch (RuntimeException e) {
      deleteRecursively(directory);
      throw e;
    }
  }

  /**
   * Formats the log dir named by {@code log.dirs} unless it is formatted already, starts the broker
   * and waits until it answers. {@code ownedDirectory}, if not null, is deleted on close.
   */
  static KafkaBroker launch(Properties properties, Path ownedDirectory) {
    return launch(properties, ownedDirectory, Optional.empty(), READY_TIMEOUT);
  }

  /**
   * As {@link #launch(Properties, Path)}, formatting with {@code clusterId} (every node of a static
   * quorum needs the same; empty: a new one) and waiting up to {@code readyTimeout}: a node of a
   * three-node quorum answers only once a second controller is up.
   */
  static KafkaBroker launch(
      Properties properties,
      Path ownedDirectory,
      Optional<String> clusterId,
      Duration readyTimeout) {
    long started = System.nanoTime();
    String bootstrap = bootstrapServersOf(properties);
    Path logDir = Path.of(properties.getProperty("log.dirs").split(",")[0].trim());
    KraftStorage.formatIfNeeded(properties, logDir, clusterId);
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties), Time.SYSTEM);
    KafkaBroker broker = new KafkaBroker(server, properties, bootstrap, ownedDirectory);
    try {
      server.startup();
      awaitReady(bootstrap, readyTimeout);
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
    LOG.info(
        "Kafka broker ready on {} in {} ms (log dir {})",
        bootstrap,
        Duration.ofNanos(System.nanoTime() - started).toMillis(),
        logDir);
    return broker;
  }

  /** {@code host:port} of the PLAINTEXT listener, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /**
   * Stops this broker and starts a new one on the same ports and log dir, as a broker restart looks
   * to its clients: the same address, the same topics, records and offsets. Use the returned broker
   * from then on (and close it); this one is closed.
   */
  public synchronized KafkaBroker restart() {
    if (closed) {
      throw new IllegalStateException("The broker on " + bootstrapServers + " is closed");
    }
    closed = true;
    server.shutdown();
    server.awaitShutdown();
    LOG.info("Kafka broker on {} stopped for a restart", bootstrapServers);
    return launch(properties, ownedDirectory);
  }

  /** Stops the broker and deletes its temporary directory, if it made one. Safe to call twice. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    long started = System.nanoTime();
    server.shutdown();
    server.awaitShutdown();
    if (ownedDirectory != null) {
      deleteRecursively(ownedDirectory);
    }
    LOG.info(
        "Kafka broker on {} stopped in {} ms",
        bootstrapServers,
        Duration.ofNanos(System.nanoTime() - started).toMillis());
  }

  static String bootstrapServersOf(Properties properties) {
    String advertised = properties.getProperty("advertised.listeners");
    String listeners = advertised != null ? advertised : properties.getProperty("listeners", "");
    Listeners.Endpoint endpoint = Listeners.parse(listeners).get(interBrokerListener(properties));
    if (endpoint == null) {
      throw new IllegalArgumentException(
          "No " + interBrokerListener(properties) + " listener in '" + listeners + "'");
    }
    return endpoint.hostPort();
  }

  private static String interBrokerListener(Properties properties) {
    return properties.getProperty("inter.broker.listener.name", "PLAINTEXT");
  }

  /**
   * Waits until the broker at {@code bootstrap} describes its cluster, or fails after {@code
   * timeout}.
   */
  static void awaitReady(String bootstrap, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception lastError = null;
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      while (System.nanoTime() < deadline) {
        try {
          int attemptMs =
              (int) Math.max(100, Math.min(5_000, (deadline - System.nanoTime()) / 1_000_000));
          if (!admin
              .describeCluster(new DescribeClusterOptions().timeoutMs(attemptMs))
              .nodes()
              .get()
              .isEmpty()) {
            return;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(
              "Interrupted while waiting for the broker on " + bootstrap, e);
        } catch (ExecutionException e) {
          lastError = e;
        }
      }
    }
    throw new IllegalStateException(
        "Kafka broker on " + bootstrap + " not ready after " + timeout.toMillis() + " ms",
        lastError);
  }

  private static Path createTempDirectory() {
    try {
      return Files.createTempDirectory("kafka-broker-");
    } catch (IOException e) {
      throw new UncheckedIOException("Couldn't create a temporary directory for the broker", e);
    }
  }

  static void deleteRecursively(Path directory) {
    try {
      org.apache.kafka.common.utils.Utils.delete(directory.toFile());
    } catch (IOException e) {
      LOG.warn("Couldn't delete {}: {}", directory, e.toString());
    }
  }
}
