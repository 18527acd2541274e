package dev.foodpipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.foodpipeline.connect.ConnectRestClient;
import dev.foodpipeline.connect.ConnectorStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL away for a long time under a steady load (issue 14's acceptance: 10 minutes), with the
 * shipped worker file, so the shipped task healer: nobody restarts a task. Orders are produced at
 * {@code food.rate} per second from 30 s before the outage to 30 s after it; when PostgreSQL is
 * back every sink task must be RUNNING again on its own, and {@code reconcile} must find the run
 * exactly. Long, so opt-in: {@code -Dfood.long=true}, with {@code -Dfood.outage.seconds} (600; up
 * to about 30 minutes fit the test's own timeout of 45) and {@code -Dfood.rate} (20).
 *
 * <pre>
 * ./mvnw -B -ntp verify -pl pipeline-tests -am -DskipITs=false -Dit.test=PostgresOutageEndToEndIT \
 *     -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
 *     -Dfood.long=true -Dfood.outage.seconds=600 -Dfood.rate=20
 * </pre>
 */
@EnabledIfSystemProperty(named = "food.long", matches = "true")
class PostgresOutageEndToEndIT {
  private static final Logger log = LoggerFactory.getLogger(PostgresOutageEndToEndIT.class);
  private static final Duration AROUND = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  @Timeout(value = 45, unit = TimeUnit.MINUTES) // instead of the ITs' default 5 minutes
  void aLongOutageUnderLoadHealsWithNoManualStepAndReconcilesExactly() throws Exception {
    Duration outage = Duration.ofSeconds(Long.getLong("food.outage.seconds", 600));
    int rate = Integer.getInteger("food.rate", 20);
    long count = rate * (outage.toSeconds() + 2 * AROUND.toSeconds());
    Path run = dir.resolve("run.properties");

    try (Pipeline pipeline = Pipeline.start()) {
      ConnectRestClient connect = pipeline.connectClient();
      List<String> connectors = pipeline.connectorNames();
      CompletableFuture<Pipeline.GeneratorRun> producing =
          pipeline.produceInBackground(
              "--seed",
              Long.toString(Pipeline.SEED),
              "--count",
              Long.toString(count),
              "--rate",
              Integer.toString(rate),
              "--run-file",
              run.toString());
      await("load under way")
          .atMost(Duration.ofMinutes(2))
          .until(() -> producing.isDone() || total(pipeline) >= rate * AROUND.toSeconds());
      assertThat(producing.isDone())
          .as("the generator ended early, exit %s", producing.getNow(null))
          .isFalse();

      pipeline.stopPostgres();
      long stopped = System.nanoTime();
      log.info("PostgreSQL stopped for {} s under {} orders/s", outage.toSeconds(), rate);
      await("the outage")
          .pollInterval(Duration.ofSeconds(5))
          .atMost(outage.plusSeconds(30))
          .until(() -> System.nanoTime() - stopped >= outage.toNanos());
      pipeline.startPostgres();
      long back = System.nanoTime();
      log.info("PostgreSQL back after {} s", (back - stopped) / 1_000_000_000);

      await("every sink task RUNNING again, with no manual restart")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> connectors.stream().allMatch(name -> running(connect, name)));
      long recovered = System.nanoTime();
      log.info(
          "every sink task RUNNING {} s after PostgreSQL was back",
          (recovered - back) / 1_000_000_000);

      assertThat(producing.get(outage.toSeconds() + 600, TimeUnit.SECONDS).exit())
          .as("produce exit code: every send acknowledged")
          .isZero();
      Pipeline.GeneratorRun reconciled =
          pipeline.reconcile("--run-file", run.toString(), "--wait", "300s");
      log.info(
          "reconciled {} s after PostgreSQL was back: {}",
          (System.nanoTime() - back) / 1_000_000_000,
          reconciled.output());
      assertThat(reconciled.exit()).as(reconciled.output()).isZero();
    }
  }

  private static boolean running(ConnectRestClient connect, String connector) {
    Optional<ConnectorStatus> status = connect.status(connector);
    return status.isPresent() && status.get().isRunning();
  }

  private static long total(Pipeline pipeline) throws Exception {
    return pipeline.endOffsetsOfFoodOrders().values().stream().mapToLong(Long::longValue).sum();
  }
}
