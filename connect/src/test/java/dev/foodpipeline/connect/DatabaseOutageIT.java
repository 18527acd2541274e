package dev.foodpipeline.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.foodpipeline.infra.ConnectWorker;
import dev.foodpipeline.infra.KafkaBroker;
import dev.foodpipeline.infra.Ports;
import dev.foodpipeline.infra.PostgresServer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.management.ObjectName;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL stopped under a running sink, on real components: a broker, a Connect worker with the
 * Debezium plugin and the shipped connectors, and a PostgreSQL server that is stopped and started
 * again on the same port and data directory. A short outage is ridden out by the sink's flush
 * retries; a longer one fails the task with the cause in its trace, and a restart of the task after
 * PostgreSQL is back writes every record. (The retries are every 1 s here, every 3 s as shipped:
 * see {@link SinkTestSupport#register}.) The task healer is off here: {@link HealerIT} has it on.
 */
class DatabaseOutageIT {
  private static final Logger log = LoggerFactory.getLogger(DatabaseOutageIT.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final String CONNECTOR = "orders-sink";
  private static final int ORDERS = 20;

  @TempDir Path dataDirectory;

  private final int port = Ports.free();
  private KafkaBroker broker;
  private PostgresServer postgres;
  private ConnectWorker connect;
  private ConnectRestClient rest;
  private KafkaProducer<byte[], byte[]> producer;

  @BeforeEach
  void startPipeline() throws Exception {
    broker = KafkaBroker.start();
    postgres = startPostgres();
    // The sink on its own: no task healer restarting the task this test expects to stay FAILED.
    connect =
        SinkTestSupport.startWorker(
            broker.bootstrapServers(), Map.of("food.healer.enabled", "false"));
    rest = new ConnectRestClient(URI.create(connect.restUrl()));
    SinkTestSupport.createSinkTopics(broker.bootstrapServers());
    producer =
        SinkTestSupport.transactionalProducer(broker.bootstrapServers(), "database-outage-it");
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
  void anOutageShorterThanTheFlushRetriesIsRiddenOut() throws Exception {
    postgres.close();
    long readBefore = recordsRead();
    sendOrders("during");
    // The task has the records, so it is writing them to a database that is not there.
    await("the sink task reads the records")
        .atMost(TIMEOUT)
        .until(() -> recordsRead() >= readBefore + ORDERS);

    postgres = startPostgres();
    long restarted = System.nanoTime();

    awaitOrders("during");
    log.info(
        "rows written {} ms after PostgreSQL was back; {}",
        (System.nanoTime() - restarted) / 1_000_000,
        status().summary());
    assertThat(status().isRunning()).as(status().summary()).isTrue();
  }

  @Test
  void aLongerOutageFailsTheTaskPlainlyAndARestartWritesEveryRecord() throws Exception {
    postgres.close();
    long stopped = System.nanoTime();
    sendOrders("during");

    await("the task fails once its flush retries are spent")
        .atMost(TIMEOUT)
        .until(() -> status().isFailed());
    log.info(
        "{} task FAILED {} ms after PostgreSQL stopped: {}",
        CONNECTOR,
        (System.nanoTime() - stopped) / 1_000_000,
        status().firstFailure());
    assertThat(status().tasks().get(0).trace())
        .as("the task's trace names the cause")
        .containsIgnoringCase("connection")
        .contains(Integer.toString(port));

    postgres = startPostgres();
    restartFailedTasks();

    await("the task runs again").atMost(TIMEOUT).until(() -> status().isRunning());
    awaitOrders("during");
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
  private void awaitOrders(String prefix) {
    List<String> expected =
        IntStream.rangeClosed(1, ORDERS).mapToObj(i -> "o-" + prefix + "-" + i).sorted().toList();
    String sql =
        "SELECT order_id FROM orders WHERE order_id LIKE 'o-" + prefix + "-%' ORDER BY order_id";
    await(prefix + " orders in PostgreSQL")
        .atMost(TIMEOUT)
        .ignoreExceptions()
        .until(() -> SinkTestSupport.strings(postgres.jdbcUrl(), sql).size() >= ORDERS);
    try {
      assertThat(SinkTestSupport.strings(postgres.jdbcUrl(), sql)).isEqualTo(expected);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private ConnectorStatus status() {
    return rest.status(CONNECTOR).orElseThrow();
  }

  /** Connect's own count of the records the sink task has taken from Kafka (JMX, in process). */
  private static long recordsRead() throws Exception {
    Object value =
        ManagementFactory.getPlatformMBeanServer()
            .getAttribute(
                new ObjectName(
                    "kafka.connect:type=sink-task-metrics,connector=" + CONNECTOR + ",task=0"),
                "sink-record-read-total");
    return ((Number) value).longValue();
  }

  private void restartFailedTasks() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            connect.restUrl()
                                + "connectors/"
                                + CONNECTOR
                                + "/restart?includeTasks=true&onlyFailed=true"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isIn(200, 202, 204);
  }
}
