package dev.foodpipeline.generator.producer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryStatsTest {

  @Test
  void failedSendsAreCountedAllButKeptOnlyUpToTheLimit() {
    DeliveryStats stats = new DeliveryStats();
    stats.completed("o-1-00000001", null);
    for (int i = 0; i <= DeliveryStats.UNACKNOWLEDGED_KEPT; i++) {
      stats.completed("o-1-" + i, new IllegalStateException("expired"));
    }

    assertThat(stats.counts().acknowledged()).isEqualTo(1);
    assertThat(stats.counts().failed()).isEqualTo(DeliveryStats.UNACKNOWLEDGED_KEPT + 1L);
    assertThat(stats.unacknowledged())
        .hasSize(DeliveryStats.UNACKNOWLEDGED_KEPT)
        .startsWith("o-1-0", "o-1-1")
        .doesNotContain("o-1-" + DeliveryStats.UNACKNOWLEDGED_KEPT);
    assertThat(stats.firstError()).isEqualTo("IllegalStateException: expired");
  }
}
