package dev.foodpipeline.connect.healer;

import java.util.concurrent.atomic.AtomicLong;

/** The counters of one task, read by JMX; written by the healer thread. */
public final class TaskHealerStats implements TaskHealerStatsMBean {
  private final AtomicLong restarts = new AtomicLong();
  private volatile boolean gaveUp;

  void restarted() {
    restarts.incrementAndGet();
  }

  void gaveUp(boolean value) {
    gaveUp = value;
  }

  @Override
  public long getRestarts() {
    return restarts.get();
  }

  @Override
  public int getGaveUp() {
    return gaveUp ? 1 : 0;
  }
}
