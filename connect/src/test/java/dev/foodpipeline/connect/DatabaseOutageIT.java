package dev.foodpipeline.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL stopped under a running sink, on real components: a broker, a Connect worker with the
 * Debezium plugin and the shipped connectors, and a PostgreSQL server that is stopped and started
 * again on the same port and data directory. A short outage is ridden out by the sink's flush
 * retries as shipped (10 tries, 3 s apart); a longer one fails the task with the cause in its
 * trace, and a restart of the task after PostgreSQL is back writes every record (there the retries
 * are 1 s apart, so that the test waits less for the failure). The task healer is off here: {@link
 * HealerIT} has it on.
 */
class DatabaseOutageIT {
  private static final Logger log = LoggerFactory.getLogger(DatabaseOutageIT.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  @TempDir Path dataDirectory;

  private OrdersSinkOutage sink;

  private void startPipeline(Duration flushRetryDelay) throws Exception {
    // The sink on its own: no task healer restarting a task that a test expects to stay FAILED.
    sink =
        OrdersSinkOutage.start(
            dataDirectory,
            Map.of("food.healer.enabled", "false"),
            flushRetryDelay,
            "database-outage-it",
            TIMEOUT);
  }

  @AfterEach
  void stopPipeline() {
    if (sink != null) {
      sink.close();
    }
  }

  @Test
  void anOutageShorterThanTheFlushRetriesIsRiddenOut() throws Exception {
    startPipeline(SinkTestSupport.shippedFlushRetryDelay(OrdersSinkOutage.CONNECTOR));
    long readBefore = recordsRead();
    sink.stopPostgres();
    long stopped = System.nanoTime();
    sink.sendOrders("during");
    // The task has the records, so it is writing them to a database that is not there.
    await("the sink task reads the records")
        .atMost(TIMEOUT)
        .until(() -> recordsRead() >= readBefore + OrdersSinkOutage.ORDERS);

    sink.startPostgres();
    long restarted = System.nanoTime();

    sink.awaitOrders("during");
    log.info(
        "PostgreSQL down {} ms; rows written {} ms after it was back; {}",
        (restarted - stopped) / 1_000_000,
        (System.nanoTime() - restarted) / 1_000_000,
        sink.status().summary());
    assertThat(sink.status().isRunning()).as(sink.status().summary()).isTrue();
  }

  @Test
  void aLongerOutageFailsTheTaskPlainlyAndARestartWritesEveryRecord() throws Exception {
    startPipeline(SinkTestSupport.FAST_FLUSH_RETRY_DELAY);
    sink.stopPostgres();
    long stopped = System.nanoTime();
    sink.sendOrders("during");

    await("the task fails once its flush retries are spent")
        .atMost(TIMEOUT)
        .until(() -> sink.status().isFailed());
    log.info(
        "{} task FAILED {} ms after PostgreSQL stopped: {}",
        OrdersSinkOutage.CONNECTOR,
        (System.nanoTime() - stopped) / 1_000_000,
        sink.status().firstFailure());
    assertThat(sink.status().tasks().get(0).trace())
        .as("the task's trace names the cause")
        .containsIgnoringCase("connection")
        .contains(Integer.toString(sink.postgresPort()));

    sink.startPostgres();
    restartFailedTasks();

    await("the task runs again").atMost(TIMEOUT).until(() -> sink.status().isRunning());
    sink.awaitOrders("during");
  }

  /** Connect's own count of the records the sink task has taken from Kafka (JMX, in process). */
  private static long recordsRead() throws Exception {
    Object value =
        ManagementFactory.getPlatformMBeanServer()
            .getAttribute(
                new ObjectName(
                    "kafka.connect:type=sink-task-metrics,connector="
                        + OrdersSinkOutage.CONNECTOR
                        + ",task=0"),
                "sink-record-read-total");
    return ((Number) value).longValue();
  }

  private void restartFailedTasks() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            sink.connectRestUrl()
                                + "connectors/"
                                + OrdersSinkOutage.CONNECTOR
                                + "/restart?includeTasks=true&onlyFailed=true"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isIn(200, 202, 204);
  }
}
