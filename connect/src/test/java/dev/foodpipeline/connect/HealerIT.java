package dev.foodpipeline.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
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
 * The task healer in a real worker (loaded from its plugin folder through {@code
 * rest.extension.classes} of the shipped worker file), with a real broker and a PostgreSQL server
 * stopped and started again on the same port and data directory. Nobody restarts a task by hand
 * here. The back-off is shorter than shipped (unit 1 s, at most 5 s between restarts) so the tests
 * wait less; the schedule itself is {@code BackoffPolicyTest}'s.
 */
class HealerIT {
  private static final Logger log = LoggerFactory.getLogger(HealerIT.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  @TempDir Path dataDirectory;

  private OrdersSinkOutage sink;

  private void startPipeline(int restartLimit) throws Exception {
    sink =
        OrdersSinkOutage.start(
            dataDirectory,
            Map.of(
                "food.healer.poll.interval.ms", "500",
                "food.healer.backoff.unit.ms", "1000",
                "food.healer.backoff.max.ms", "5000",
                "food.healer.restart.limit", Integer.toString(restartLimit)),
            SinkTestSupport.FAST_FLUSH_RETRY_DELAY,
            "healer-it",
            TIMEOUT);
  }

  @AfterEach
  void stopPipeline() {
    if (sink != null) {
      sink.close();
    }
  }

  @Test
  void aTaskFailedByALostDatabaseIsRestartedUntilItRunsAndEveryRowArrives() throws Exception {
    startPipeline(30);
    sink.stopPostgres();
    long stopped = System.nanoTime();
    sink.sendOrders("during");

    await("the healer restarts the FAILED task").atMost(TIMEOUT).until(() -> healerRestarts() >= 1);
    log.info(
        "first restart by the healer {} ms after PostgreSQL stopped",
        (System.nanoTime() - stopped) / 1_000_000);
    // Still no database: the restarted task fails again and is restarted again, with back-off.
    await("a second restart while the database is away")
        .atMost(TIMEOUT)
        .until(() -> healerRestarts() >= 2);

    sink.startPostgres();
    long back = System.nanoTime();
    sink.awaitOrders("during");
    await("the task runs").atMost(TIMEOUT).until(() -> sink.status().isRunning());
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
    sink.stopPostgres();
    sink.sendOrders("during");

    await("the healer gives up").atMost(TIMEOUT).until(() -> healerAttribute("GaveUp").equals(1));
    assertThat(healerRestarts()).isEqualTo(2);
    await("the task stays FAILED with no further restart")
        .during(Duration.ofSeconds(8))
        .atMost(Duration.ofSeconds(20))
        .until(() -> sink.status().isFailed() && healerRestarts() == 2);
  }

  private static long healerRestarts() throws Exception {
    return ((Number) healerAttribute("Restarts")).longValue();
  }

  /** The healer's MBean of the connector's task 0, in this JVM (the worker runs in it). */
  private static Object healerAttribute(String attribute) throws Exception {
    ObjectName name =
        new ObjectName(
            "dev.foodpipeline:type=task-healer,connector="
                + OrdersSinkOutage.CONNECTOR
                + ",task=0");
    return ManagementFactory.getPlatformMBeanServer().isRegistered(name)
        ? ManagementFactory.getPlatformMBeanServer().getAttribute(name, attribute)
        : 0L;
  }
}
