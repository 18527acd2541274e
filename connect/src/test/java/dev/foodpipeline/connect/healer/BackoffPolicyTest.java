package dev.foodpipeline.connect.healer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffPolicyTest {
  private static final BackoffPolicy SHIPPED =
      new BackoffPolicy(Duration.ofSeconds(10), Duration.ofSeconds(60), 30);

  @Test
  void theFirstRestartIsAtOnceThenUnitTimesNTimesNPlusOneUpToTheCap() {
    assertThat(IntStream.range(0, 6).mapToObj(SHIPPED::delayBefore).map(Duration::toSeconds))
        .containsExactly(0L, 20L, 60L, 60L, 60L, 60L);
  }

  @Test
  void withoutACapInReachTheDelaysAreStrimzisSchedule() {
    BackoffPolicy minutes = new BackoffPolicy(Duration.ofMinutes(1), Duration.ofMinutes(60), 10);

    assertThat(IntStream.range(0, 9).mapToObj(minutes::delayBefore).map(Duration::toMinutes))
        .containsExactly(0L, 2L, 6L, 12L, 20L, 30L, 42L, 56L, 60L);
  }

  @Test
  void aHugeRestartCountStaysAtTheCap() {
    assertThat(SHIPPED.delayBefore(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void aZeroUnitRestartsWithoutWaiting() {
    BackoffPolicy now = new BackoffPolicy(Duration.ZERO, Duration.ofSeconds(60), 3);

    assertThat(now.delayBefore(5)).isZero();
  }

  @Test
  void givesUpOnceTheLimitOfRestartsIsSpent() {
    assertThat(SHIPPED.givesUpAfter(29)).isFalse();
    assertThat(SHIPPED.givesUpAfter(30)).isTrue();
  }

  @Test
  void badSettingsAreRefusedWithTheirValue() {
    assertThatThrownBy(() -> new BackoffPolicy(Duration.ofSeconds(-1), Duration.ZERO, 1))
        .hasMessageContaining("PT-1S");
    assertThatThrownBy(() -> new BackoffPolicy(Duration.ZERO, Duration.ZERO, 0))
        .hasMessageContaining("at least 1, got 0");
    assertThatThrownBy(() -> SHIPPED.delayBefore(-1)).hasMessageContaining("-1");
  }
}
