package dev.foodpipeline.shell.http;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of threads with a bounded queue, that refuses work when both are full instead of
 * queueing it forever: the caller then answers 503 at once. The HTTP servers of streams-app and
 * notification-service run their connection and work threads on these.
 */
public final class WorkPool implements AutoCloseable {
  private final ThreadPoolExecutor executor;
  private final int threads;
  private final int queue;

  public WorkPool(String name, int threads, int queue) {
    this.threads = threads;
    this.queue = queue;
    AtomicInteger count = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(queue),
            runnable -> {
              Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            },
            new ThreadPoolExecutor.AbortPolicy());
  }

  /**
   * Runs {@code task} on a thread of the pool, now or when one is free.
   *
   * @return false, without running it, when every thread is busy and the queue is full
   */
  public boolean offer(Runnable task) {
    try {
      executor.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /** The pool as an executor that throws {@link RejectedExecutionException} when full. */
  public ThreadPoolExecutor executor() {
    return executor;
  }

  /** "4 threads busy, 8 waiting (at most 4 and 8)". */
  public String describe() {
    return String.format(
        "%d threads busy, %d waiting (at most %d and %d)",
        executor.getActiveCount(), executor.getQueue().size(), threads, queue);
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
