package dev.foodpipeline.generator.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foodpipeline.generator.fakes.FakeTime;
import dev.foodpipeline.generator.producer.LoadShape.Burst;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadShapeTest {
  private static final long SECOND = 1_000_000_000L;
  private static final Burst BURST = new Burst(500, Duration.ofSeconds(2), Duration.ofSeconds(10));

  /** The send times (ns from the start) of {@code count} sends through a pacer on fake time. */
  private static List<Long> sendTimes(Pacer pacer, int count) throws InterruptedException {
    FakeTime time = new FakeTime();
    long start = time.nanoTime();
    StopSignal stop = new StopSignal();
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long wait = pacer.reserve(time.nanoTime());
      if (wait > 0) {
        time.sleep(wait, stop);
      }
      times.add(time.nanoTime() - start);
    }
    return times;
  }

  private static long sentBetween(List<Long> times, double fromSeconds, double toSeconds) {
    return times.stream().filter(t -> t >= fromSeconds * SECOND && t < toSeconds * SECOND).count();
  }

  @Test
  void aBurstSendsAtItsRateForItsLengthThenTheBaseRate() throws InterruptedException {
    List<Long> times = sendTimes(new Pacer(LoadShape.withBursts(50, BURST)), 3000);

    // 500/s for 2 s, then 50/s for 8 s: 1,000 + 400 sends per period.
    assertThat(sentBetween(times, 0, 2)).isEqualTo(1000);
    assertThat(sentBetween(times, 2, 10)).isEqualTo(400);
    assertThat(sentBetween(times, 10, 12)).isEqualTo(1000);
    assertThat(sentBetween(times, 12, 20)).isEqualTo(400);
  }

  @Test
  void theRateChangesExactlyAtTheBoundaries() {
    LoadShape shape = LoadShape.withBursts(50, BURST);

    assertThat(shape.rateAt(0)).isEqualTo(500);
    assertThat(shape.rateAt(2 * SECOND - 1)).isEqualTo(500);
    assertThat(shape.rateAt(2 * SECOND)).isEqualTo(50);
    assertThat(shape.rateAt(10 * SECOND)).isEqualTo(500);
    assertThat(shape.nextChangeAfter(SECOND)).isEqualTo(2 * SECOND);
    assertThat(shape.nextChangeAfter(2 * SECOND)).isEqualTo(10 * SECOND);
    assertThat(shape.nextChangeAfter(11 * SECOND)).isEqualTo(12 * SECOND);
    assertThat(shape.describe()).isEqualTo("50 orders/s, bursts of 500/s for 2 s every 10 s");
  }

  @Test
  void aConstantShapeIsWhatItSays() {
    assertThat(LoadShape.constant(0).unlimited()).isTrue();
    assertThat(LoadShape.constant(0).describe()).isEqualTo("as fast as possible");
    assertThat(LoadShape.constant(2.5).describe()).isEqualTo("2.5 orders/s");
    assertThat(LoadShape.constant(2.5).nextChangeAfter(5)).isEqualTo(Long.MAX_VALUE);
    assertThat(new Pacer(2.5).ratePerSecond()).isEqualTo(2.5);
  }

  @Test
  void aSlowBaseRateStillStartsTheNextBurstOnTime() throws InterruptedException {
    // 0.2/s between bursts: the next send after the base phase is due only after 5 s, past the
    // period.
    Burst burst = new Burst(10, Duration.ofSeconds(1), Duration.ofSeconds(4));
    List<Long> times = sendTimes(new Pacer(LoadShape.withBursts(0.2, burst)), 30);

    assertThat(sentBetween(times, 0, 1)).isEqualTo(10);
    assertThat(sentBetween(times, 4, 5)).isBetween(9L, 10L);
  }

  @Test
  void nonsenseIsRefusedNamingTheFlag() {
    assertThatThrownBy(() -> new Burst(0, Duration.ofSeconds(1), Duration.ofSeconds(2)))
        .hasMessageStartingWith("--burst rate");
    assertThatThrownBy(() -> new Burst(5, Duration.ofSeconds(2), Duration.ofSeconds(2)))
        .hasMessageStartingWith("--burst must last less");
    assertThatThrownBy(() -> LoadShape.withBursts(0, BURST))
        .hasMessageStartingWith("--burst needs a --rate above 0");
    assertThatThrownBy(() -> LoadShape.constant(-1)).hasMessageContaining("0 or more");
  }
}
