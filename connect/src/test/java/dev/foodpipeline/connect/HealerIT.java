package dev.foodpipeline.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.foodpipeline.infra.ConnectWorker;
import dev.foodpipeline.infra.KafkaBroker;
import dev.foodpipeline.infra.Ports;
import dev.foodpipeline.infra.PostgresServer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.management.ObjectName;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task healer in a real worker (loaded from its plugin folder through {@code
 * rest.extension.classes} of the shipped worker file), with a real broker and a PostgreSQL server
 * stopped and started again on the same port and data directory. Nobody restarts a task by hand
 * here. The back-off is shorter than shipped (unit 1 s, at most 5 s between restarts) so the tests
 * wait less; the schedule itself is {@code BackoffPolicyTest}'s.
 */
class HealerIT {
  private static final Logger log = LoggerFactory.getLogger(HealerIT.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final String CONNECTOR = "orders-sink";
  private static final int ORDERS = 20;

  @TempDir Path dataDirectory;

  private final int port = Ports.free();
  private KafkaBroker broker;
  private PostgresServer postgres;
  private ConnectWorker connect;
  private ConnectRestClient rest;
  private KafkaProducer<byte[], byte[]> producer;

  private void startPipeline(int restartLimit) throws Exception {
    broker = KafkaBroker.start();
    postgres = startPostgres();
    connect =
        SinkTestSupport.startWorker(
            broker.bootstrapServers(),
            Map.of(
                "food.healer.poll.interval.ms", "500",
                "food.healer.backoff.unit.ms", "1000",
                "food.healer.backoff.max.ms", "5000",
                "food.healer.restart.limit", Integer.toString(restartLimit)));
    rest = new ConnectRestClient(URI.create(connect.restUrl()));
    SinkTestSupport.createSinkTopics(broker.bootstrapServers());
    producer = SinkTestSupport.transactionalProducer(broker.bootstrapServers(), "healer-it");
    SinkTestSupport.register(connect.restUrl(), postgres.jdbcUrl());

    sendOrders("before");
    awaitOrders("before");
  }

  @AfterEach
  void stopPipeline() {
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

  @Test
  void aTaskFailedByALostDatabaseIsRestartedUntilItRunsAndEveryRowArrives() throws Exception {
    startPipeline(30);
    postgres.close();
    long stopped = System.nanoTime();
    sendOrders("during");

    await("the healer restarts the FAILED task").atMost(TIMEOUT).until(() -> healerRestarts() >= 1);
    log.info(
        "first restart by the healer {} ms after PostgreSQL stopped",
        (System.nanoTime() - stopped) / 1_000_000);
    // Still no database: the restarted task fails again and is restarted again, with back-off.
    await("a second restart while the database is away")
        .atMost(TIMEOUT)
        .until(() -> healerRestarts() >= 2);

    postgres = startPostgres();
    long back = System.nanoTime();
    awaitOrders("during");
    await("the task runs").atMost(TIMEOUT).until(() -> status().isRunning());
    log.info(
        "every row written and the task RUNNING {} ms after PostgreSQL was back, after {}"
            + " restarts by the healer",
        (System.nanoTime() - back) / 1_000_000,
        healerRestarts());
    assertThat(healerAttribute("GaveUp")).isEqualTo(0);
  }

  @Test
  void afterItsLimitTheHealerGivesUpAndTheTaskStaysFailed() throws Exception {
    startPipeline(2);
    postgres.close();
    sendOrders("during");

    await("the healer gives up").atMost(TIMEOUT).until(() -> healerAttribute("GaveUp").equals(1));
    assertThat(healerRestarts()).isEqualTo(2);
    await("the task stays FAILED with no further restart")
        .during(Duration.ofSeconds(8))
        .atMost(Duration.ofSeconds(20))
        .until(() -> status().isFailed() && healerRestarts() == 2);
  }

  private PostgresServer startPostgres() {
    return PostgresServer.builder().port(port).dataDirectory(dataDirectory).start();
  }

  private void sendOrders(String prefix) {
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
  private void awaitOrders(String prefix) throws SQLException {
    List<String> expected =
        IntStream.rangeClosed(1, ORDERS).mapToObj(i -> "o-" + prefix + "-" + i).sorted().toList();
    String sql =
        "SELECT order_id FROM orders WHERE order_id LIKE 'o-" + prefix + "-%' ORDER BY order_id";
    await(prefix + " orders in PostgreSQL")
        .atMost(TIMEOUT)
        .ignoreExceptions()
        .until(() -> SinkTestSupport.strings(postgres.jdbcUrl(), sql).size() >= ORDERS);
    assertThat(SinkTestSupport.strings(postgres.jdbcUrl(), sql)).isEqualTo(expected);
  }

  private ConnectorStatus status() {
    return rest.status(CONNECTOR).orElseThrow();
  }

  private static long healerRestarts() throws Exception {
    return ((Number) healerAttribute("Restarts")).longValue();
  }

  /** The healer's MBean of the connector's task 0, in this JVM (the worker runs in it). */
  private static Object healerAttribute(String attribute) throws Exception {
    ObjectName name =
        new ObjectName("dev.foodpipeline:type=task-healer,connector=" + CONNECTOR + ",task=0");
    return ManagementFactory.getPlatformMBeanServer().isRegistered(name)
        ? ManagementFactory.getPlatformMBeanServer().getAttribute(name, attribute)
        : 0L;
  }
}
