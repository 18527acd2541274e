package dev.foodpipeline.generator.fakes;

import dev.foodpipeline.generator.producer.Sleeper;
import dev.foodpipeline.generator.producer.StopSignal;
import dev.foodpipeline.generator.producer.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A ticker that only moves when something sleeps on it or a test advances it: no real waiting. */
public final class FakeTime implements Ticker, Sleeper {
  private long now = 1_000_000_000_000L;
  private final List<Long> sleeps = new ArrayList<>();
  private long perCall;

  @Override
  public synchronized long nanoTime() {
    long time = now;
    now += perCall;
    return time;
  }

  @Override
  public synchronized boolean sleep(long nanos, StopSignal stop) {
    sleeps.add(nanos);
    now += nanos;
    return stop.isRequested();
  }

  public synchronized void advance(Duration duration) {
    now += duration.toNanos();
  }

  /** Makes every reading of the ticker cost this much time, like real work would. */
  public synchronized FakeTime costPerReading(Duration duration) {
    perCall = duration.toNanos();
    return this;
  }

  public synchronized List<Long> sleeps() {
    return List.copyOf(sleeps);
  }

  public synchronized Duration slept() {
    return Duration.ofNanos(sleeps.stream().mapToLong(Long::longValue).sum());
  }
}
