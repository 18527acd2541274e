package dev.foodpipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker restarted under the whole running pipeline (the Streams app and the Connect worker
 * stay up and reconnect): 300 seeded orders before the restart and 300 after, and {@code reconcile}
 * finds each run exactly in PostgreSQL, the first run unchanged by the restart.
 */
class BrokerRestartEndToEndIT {
  private static final Logger log = LoggerFactory.getLogger(BrokerRestartEndToEndIT.class);

  @TempDir Path dir;

  @Test
  void ordersOnBothSidesOfABrokerRestartEachArriveOnce() throws Exception {
    try (Pipeline pipeline = Pipeline.start()) {
      Path before = dir.resolve("before.properties");
      Path after = dir.resolve("after.properties");
      produce(pipeline, before, 1, 300, "0");
      assertReconciles(pipeline, before);

      // A second run at 100 orders/s; the broker restarts while it sends and the pipeline works.
      CompletableFuture<Void> producing =
          CompletableFuture.runAsync(() -> produce(pipeline, after, 301, 600, "100"));
      await("the second run is under way")
          .atMost(Duration.ofSeconds(60))
          .until(() -> total(pipeline.endOffsetsOfFoodOrders()) >= 300 + 100);
      long restart = System.nanoTime();
      pipeline.restartBroker();
      log.info("broker restarted in {} ms", (System.nanoTime() - restart) / 1_000_000);
      producing.get(2, TimeUnit.MINUTES);

      assertReconciles(pipeline, after);
      assertReconciles(pipeline, before);
    }
  }

  private static long total(Map<Integer, Long> offsets) {
    return offsets.values().stream().mapToLong(Long::longValue).sum();
  }

  private static void produce(
      Pipeline pipeline, Path runFile, long startSequence, int count, String rate) {
    String[] args = {
      "produce",
      "--no-setup",
      "-b",
      pipeline.bootstrapServers(),
      "--count",
      Integer.toString(count),
      "--rate",
      rate,
      "--seed",
      Long.toString(Pipeline.SEED),
      "--start-sequence",
      Long.toString(startSequence),
      "--run-file",
      runFile.toString()
    };
    assertThat(pipeline.generator(Clock.systemUTC(), args))
        .as("produce exit code: every send acknowledged")
        .isZero();
  }

  private static void assertReconciles(Pipeline pipeline, Path runFile) {
    Database db = pipeline.database();
    int exit =
        pipeline.generator(
            Clock.systemUTC(),
            "reconcile",
            "--run-file",
            runFile.toString(),
            "--wait",
            "120s",
            "--jdbc-url",
            db.url(),
            "--jdbc-user",
            db.user(),
            "--jdbc-password",
            db.password());
    assertThat(exit).as("reconcile exit code (its report is printed above)").isZero();
  }
}
