package dev.foodpipeline.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WatchersTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final Watchers watchers = new Watchers(Duration.ofSeconds(30), now::get);

  private void after(Duration duration) {
    now.addAndGet(duration.toNanos());
  }

  @Test
  void aNewDashboardIsWatchedUntilTheIdleTimePasses() {
    after(Duration.ofSeconds(29));
    assertThat(watchers.watched()).isTrue();
    after(Duration.ofSeconds(1));
    assertThat(watchers.watched()).isFalse();
  }

  @Test
  void eachLookKeepsItWatched() {
    after(Duration.ofSeconds(20));
    assertThat(watchers.seen()).isFalse();
    after(Duration.ofSeconds(20));
    assertThat(watchers.watched()).isTrue();
    after(Duration.ofSeconds(10));
    assertThat(watchers.watched()).isFalse();
  }

  @Test
  void theFirstLookAfterIdleSaysTheSnapshotIsStale() {
    after(Duration.ofMinutes(5));
    assertThat(watchers.seen()).isTrue();
    assertThat(watchers.watched()).isTrue();
    assertThat(watchers.seen()).isFalse();
  }

  @Test
  void anIdleTimeMustBePositive() {
    assertThatThrownBy(() -> new Watchers(Duration.ZERO, now::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("idleAfter must be positive");
  }
}
