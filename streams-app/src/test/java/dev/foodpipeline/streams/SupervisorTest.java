package dev.foodpipeline.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupervisorTest {
  @TempDir Path stateDir;

  @Test
  void runLoopWaitsForKafkaSayingSoAndReturnsZeroOnAStopRequest() throws Exception {
    Supervisor supervisor = new Supervisor(Duration.ofMillis(50));
    AtomicInteger appsMade = new AtomicInteger();
    StreamsSettings settings = NoKafka.settings(NoKafka.closedPort(), stateDir);

    var result = runInBackground(supervisor, settings, appsMade);
    await().atMost(Duration.ofSeconds(30)).until(() -> supervisor.unreachableProbes.get() >= 2);
    supervisor.requestStop();

    assertThat(result.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(appsMade).hasValue(0);
  }

  @Test
  void runLoopStartsANewAppWhenOneCannotStart() throws Exception {
    Supervisor supervisor = new Supervisor(Duration.ofMillis(50));
    supervisor.missingTopics = bootstrap -> List.of();
    AtomicInteger appsMade = new AtomicInteger();
    try (ServerSocket silentKafka = new ServerSocket(0)) {
      StreamsSettings settings =
          NoKafka.settings("127.0.0.1:" + silentKafka.getLocalPort(), stateDir);

      var result = runInBackground(supervisor, settings, appsMade);
      await().atMost(Duration.ofSeconds(60)).until(() -> appsMade.get() >= 2);
      supervisor.requestStop();

      assertThat(result.get(60, TimeUnit.SECONDS)).isZero();
    }
  }

  @Test
  void runLoopWaitsForMissingTopicsSayingWhichAndMakesNoAppMeanwhile() throws Exception {
    Supervisor supervisor = new Supervisor(Duration.ofMillis(50));
    supervisor.missingTopics = bootstrap -> List.of("restaurant-stats");
    AtomicInteger appsMade = new AtomicInteger();
    try (ServerSocket reachableKafka = new ServerSocket(0)) {
      StreamsSettings settings =
          NoKafka.settings("127.0.0.1:" + reachableKafka.getLocalPort(), stateDir);

      var result = runInBackground(supervisor, settings, appsMade);
      await().atMost(Duration.ofSeconds(30)).until(() -> supervisor.missingTopicProbes.get() >= 2);
      assertThat(supervisor.current().waitingFor()).isEqualTo("topic(s) [restaurant-stats]");
      supervisor.requestStop();

      assertThat(result.get(30, TimeUnit.SECONDS)).isZero();
      assertThat(appsMade).hasValue(0);
      assertThat(supervisor.current().stopping()).isTrue();
    }
  }

  @Test
  void requiredTopicsAreTheTopicsTheAppReadsAndWrites() {
    assertThat(Supervisor.REQUIRED_TOPICS)
        .containsExactly(
            "restaurants",
            "food-orders",
            "food-orders-processed",
            "food-order-items",
            "food-orders-rejected",
            "restaurant-stats");
  }

  /**
   * Runs the supervisor's loop on another thread, counting the Streams apps it makes; the future
   * holds the loop's exit code (-1 when interrupted).
   */
  private static CompletableFuture<Integer> runInBackground(
      Supervisor supervisor, StreamsSettings settings, AtomicInteger appsMade) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return supervisor.run(
                settings,
                s -> {
                  appsMade.incrementAndGet();
                  return new StreamsApp(s);
                });
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
          }
        });
  }
}
