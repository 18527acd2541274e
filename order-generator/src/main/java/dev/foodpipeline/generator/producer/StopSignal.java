package dev.foodpipeline.generator.producer;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A one-way flag that asks a run to stop (Ctrl-C), and that a waiting run wakes up on. */
public final class StopSignal {
  private final CountDownLatch requested = new CountDownLatch(1);

  public void request() {
    requested.countDown();
  }

  public boolean isRequested() {
    return requested.getCount() == 0;
  }

  /** Waits up to {@code nanos}; returns true when a stop was requested meanwhile. */
  public boolean await(long nanos) throws InterruptedException {
    return requested.await(nanos, TimeUnit.NANOSECONDS);
  }
}
