package dev.foodpipeline.shell.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkPoolTest {

  @Test
  void refusesWorkWhenEveryThreadIsBusyAndTheQueueIsFullThenTakesItAgain() {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(2);
    Runnable blocked =
        () -> {
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          done.countDown();
        };
    try (WorkPool pool = new WorkPool("test", 1, 1)) {
      assertThat(pool.offer(blocked)).as("runs").isTrue();
      assertThat(pool.offer(blocked)).as("waits").isTrue();
      assertThat(pool.offer(blocked)).as("no room").isFalse();
      assertThat(pool.describe()).endsWith("(at most 1 and 1)");

      release.countDown();
      await().atMost(Duration.ofSeconds(10)).until(() -> done.getCount() == 0);
      CountDownLatch ran = new CountDownLatch(1);
      await().atMost(Duration.ofSeconds(10)).until(() -> pool.offer(ran::countDown));
      await().atMost(Duration.ofSeconds(10)).until(() -> ran.getCount() == 0);
    } finally {
      release.countDown();
    }
  }
}
