package dev.foodpipeline.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.foodpipeline.infra.ConnectWorker;
import dev.foodpipeline.infra.KafkaBroker;
import dev.foodpipeline.infra.Ports;
import dev.foodpipeline.infra.PostgresServer;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orders sink on real components for the outage tests ({@link DatabaseOutageIT}, {@link
 * HealerIT}): a broker, a Connect worker with the shipped connectors, and a PostgreSQL server that
 * can be stopped and started again on the same port and data directory. Started with {@value
 * #ORDERS} orders already written ("before").
 */
final class OrdersSinkOutage implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OrdersSinkOutage.class);
  static final String CONNECTOR = "orders-sink";
  static final int ORDERS = 20;

  private final Path dataDirectory;
  private final Duration timeout;
  private final int port = Ports.free();
  private KafkaBroker broker;
  private PostgresServer postgres;
  private ConnectWorker connect;
  private ConnectRestClient rest;
  private KafkaProducer<byte[], byte[]> producer;

  private OrdersSinkOutage(Path dataDirectory, Duration timeout) {
    this.dataDirectory = dataDirectory;
    this.timeout = timeout;
  }

  /**
   * Starts it all, with {@code workerOverrides} on top of the shipped worker file and the sinks'
   * flush retried every {@code flushRetryDelay} (10 tries), and waits for the "before" orders in
   * PostgreSQL; closes what started if that fails.
   */
  static OrdersSinkOutage start(
      Path dataDirectory,
      Map<String, String> workerOverrides,
      Duration flushRetryDelay,
      String producerId,
      Duration timeout)
      throws Exception {
    OrdersSinkOutage sink = new OrdersSinkOutage(dataDirectory, timeout);
    try {
      sink.broker = KafkaBroker.start();
      sink.startPostgres();
      sink.connect = SinkTestSupport.startWorker(sink.broker.bootstrapServers(), workerOverrides);
      sink.rest = new ConnectRestClient(URI.create(sink.connect.restUrl()));
      SinkTestSupport.createSinkTopics(sink.broker.bootstrapServers());
      sink.producer =
          SinkTestSupport.transactionalProducer(sink.broker.bootstrapServers(), producerId);
      SinkTestSupport.register(sink.connect.restUrl(), sink.postgres.jdbcUrl(), flushRetryDelay);
      sink.sendOrders("before");
      sink.awaitOrders("before");
      return sink;
    } catch (Exception | AssertionError e) {
      sink.close();
      throw e;
    }
  }

  /** PostgreSQL's port (the one a task's connection error names). */
  int postgresPort() {
    return port;
  }

  String connectRestUrl() {
    return connect.restUrl();
  }

  /** Stops PostgreSQL (a fast shutdown); the worker keeps running. */
  void stopPostgres() {
    postgres.close();
  }

  /** Starts PostgreSQL on the same port and data directory. */
  void startPostgres() {
    postgres = PostgresServer.builder().port(port).dataDirectory(dataDirectory).start();
  }

  /** Writes orders o-PREFIX-1 .. o-PREFIX-{@value #ORDERS} in one transaction. */
  void sendOrders(String prefix) {
    producer.beginTransaction();
    IntStream.rangeClosed(1, ORDERS)
        .mapToObj(i -> SinkRecords.order("o-" + prefix + "-" + i, "23.45"))
        .forEach(
            order ->
                producer.send(
                    new ProducerRecord<>(SinkRecords.ORDERS_TOPIC, order.key(), order.value())));
    producer.commitTransaction();
  }

  /** Waits for every order of {@code prefix} in {@code orders}, then checks the ids are those. */
  void awaitOrders(String prefix) throws SQLException {
    List<String> expected =
        IntStream.rangeClosed(1, ORDERS).mapToObj(i -> "o-" + prefix + "-" + i).sorted().toList();
    String sql =
        "SELECT order_id FROM orders WHERE order_id LIKE 'o-" + prefix + "-%' ORDER BY order_id";
    await(prefix + " orders in PostgreSQL")
        .atMost(timeout)
        .ignoreExceptions()
        .until(() -> SinkTestSupport.strings(postgres.jdbcUrl(), sql).size() >= ORDERS);
    assertThat(SinkTestSupport.strings(postgres.jdbcUrl(), sql)).isEqualTo(expected);
  }

  /** The orders sink's status now. */
  ConnectorStatus status() {
    return rest.status(CONNECTOR).orElseThrow();
  }

  @Override
  public void close() {
    for (AutoCloseable component : new AutoCloseable[] {producer, connect, postgres, broker}) {
      try {
        if (component != null) {
          component.close();
        }
      } catch (Exception e) {
        log.warn("Couldn't stop {}: {}", component, e.toString());
      }
    }
  }
}
