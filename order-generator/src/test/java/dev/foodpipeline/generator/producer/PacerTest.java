package dev.foodpipeline.generator.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foodpipeline.generator.fakes.FakeTime;
import org.junit.jupiter.api.Test;

class PacerTest {
  private static final long SECOND = 1_000_000_000L;

  /** Sends {@code count} times through the pacer, sleeping on the fake time as the run does. */
  private static long sendAll(Pacer pacer, FakeTime time, int count) throws InterruptedException {
    long start = time.nanoTime();
    StopSignal stop = new StopSignal();
    for (int i = 0; i < count; i++) {
      long wait = pacer.reserve(time.nanoTime());
      if (wait > 0) {
        time.sleep(wait, stop);
      }
    }
    return time.nanoTime() - start;
  }

  @Test
  void holdsTheRateWithEvenGaps() throws InterruptedException {
    FakeTime time = new FakeTime();
    long elapsed = sendAll(new Pacer(10), time, 101);
    assertThat(elapsed).isEqualTo(10 * SECOND);
    assertThat(time.sleeps()).hasSize(100).allMatch(nanos -> nanos == SECOND / 10);
  }

  @Test
  void theFirstSendIsImmediate() {
    Pacer pacer = new Pacer(2);
    assertThat(pacer.reserve(5 * SECOND)).isZero();
    assertThat(pacer.reserve(5 * SECOND)).isEqualTo(SECOND / 2);
  }

  @Test
  void workBetweenSendsIsTakenFromTheWait() {
    Pacer pacer = new Pacer(10);
    assertThat(pacer.reserve(0)).isZero();
    assertThat(pacer.reserve(SECOND / 20)).isEqualTo(SECOND / 20);
  }

  @Test
  void afterAStallItCatchesUpAtMostOneSecondOfSends() {
    Pacer pacer = new Pacer(10);
    pacer.reserve(0);
    long now = 10 * SECOND; // 10 s without a send
    int immediate = 0;
    while (pacer.reserve(now) == 0) {
      immediate++;
    }
    assertThat(immediate).isEqualTo(10);
  }

  @Test
  void zeroMeansAsFastAsPossible() throws InterruptedException {
    FakeTime time = new FakeTime();
    Pacer pacer = new Pacer(0);
    assertThat(pacer.unlimited()).isTrue();
    assertThat(sendAll(pacer, time, 10_000)).isZero();
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void fractionalRatesWork() throws InterruptedException {
    FakeTime time = new FakeTime();
    assertThat(sendAll(new Pacer(0.5), time, 3)).isEqualTo(4 * SECOND);
    assertThat(new Pacer(0.5).ratePerSecond()).isEqualTo(0.5);
  }

  @Test
  void negativeOrInfiniteRatesAreRefused() {
    assertThatThrownBy(() -> new Pacer(-1)).hasMessageContaining("0 or more");
    assertThatThrownBy(() -> new Pacer(Double.NaN)).hasMessageContaining("0 or more");
    assertThatThrownBy(() -> new Pacer(Double.POSITIVE_INFINITY)).hasMessageContaining("0 or more");
  }

  @Test
  void theSystemSleeperWakesUpAtAStopRequest() throws InterruptedException {
    StopSignal stop = new StopSignal();
    assertThat(Sleeper.SYSTEM.sleep(1_000_000, stop)).isFalse();
    stop.request();
    long before = System.nanoTime();
    assertThat(Sleeper.SYSTEM.sleep(60 * SECOND, stop)).isTrue();
    assertThat(System.nanoTime() - before).isLessThan(10 * SECOND);
    assertThat(Ticker.SYSTEM.nanoTime()).isPositive();
  }
}
