package dev.foodpipeline.infra;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a local-stack main class block until it is told to stop, then finish its cleanup before the
 * JVM exits. {@link #onJvmShutdown()} ties it to SIGTERM / Ctrl-C; tests use {@link #manual()} and
 * call {@link #requestStop()} themselves.
 */
final class ShutdownSignal {

  private static final long CLEANUP_TIMEOUT_SECONDS = 60;

  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);

  private ShutdownSignal() {}

  static ShutdownSignal manual() {
    return new ShutdownSignal();
  }

  /**
   * A signal raised by the JVM's shutdown (SIGTERM, SIGINT); the hook waits for {@link
   * #markStopped()}.
   */
  static ShutdownSignal onJvmShutdown() {
    ShutdownSignal signal = new ShutdownSignal();
    Runtime.getRuntime().addShutdownHook(new Thread(signal::stopAndWait, "local-stack-shutdown"));
    return signal;
  }

  void requestStop() {
    stopRequested.countDown();
  }

  boolean isStopRequested() {
    return stopRequested.getCount() == 0;
  }

  void awaitStopRequest() throws InterruptedException {
    stopRequested.await();
  }

  /** Called by the main thread once cleanup is done (or was never needed). */
  void markStopped() {
    stopped.countDown();
  }

  /** What the JVM shutdown hook does: request the stop, then wait (bounded) for the cleanup. */
  void stopAndWait() {
    requestStop();
    try {
      stopped.await(CLEANUP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
