package dev.foodpipeline.generator.producer;

import dev.foodpipeline.generator.GeneratedOrder;
import dev.foodpipeline.generator.OrderFactory;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.LongFunction;

/**
 * The records of a run in sequence order: made on the run's thread when it asks ({@link #inline}),
 * or made ahead on a thread of their own ({@link #prefetching}), so that a run as fast as possible
 * does not wait for its next record while the Kafka client has room for it. Made ahead, a record's
 * {@code createdAt} is at most {@code capacity} records older than its send: for paced runs, whose
 * timestamps should be the send time, the run makes them inline.
 */
public interface OrderSource extends AutoCloseable {

  /** The next record. */
  GeneratedOrder next() throws InterruptedException;

  /** Stops making records; never throws. */
  @Override
  void close();

  /** Records made on the caller's thread, one per call. */
  static OrderSource inline(OrderFactory factory, long firstSequence) {
    return new OrderSource() {
      private long sequence = firstSequence;

      @Override
      public GeneratedOrder next() {
        return factory.generate(sequence++);
      }

      @Override
      public void close() {}
    };
  }

  /** Records made ahead on a daemon thread, at most {@code capacity} of them waiting. */
  static OrderSource prefetching(OrderFactory factory, long firstSequence, int capacity) {
    return new Prefetching(factory::generate, firstSequence, capacity);
  }

  /** A thread that fills a bounded queue in sequence order; a failure is handed to the taker. */
  final class Prefetching implements OrderSource {
    private static final Duration JOIN = Duration.ofSeconds(2);

    private final BlockingQueue<Object> queue;
    private final Thread thread;

    /**
     * @param make the record of a sequence number
     */
    Prefetching(LongFunction<GeneratedOrder> make, long firstSequence, int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
      }
      this.queue = new ArrayBlockingQueue<>(capacity);
      this.thread =
          new Thread(
              () -> {
                long sequence = firstSequence;
                try {
                  while (!Thread.currentThread().isInterrupted()) {
                    Object made;
                    try {
                      made = make.apply(sequence++);
                    } catch (RuntimeException | Error e) {
                      made = e;
                    }
                    queue.put(made);
                    if (made instanceof Throwable) {
                      return;
                    }
                  }
                } catch (InterruptedException e) {
                  // closed
                }
              },
              "order-generator-prefetch");
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public GeneratedOrder next() throws InterruptedException {
      Object made = queue.take();
      if (made instanceof RuntimeException e) {
        throw e;
      }
      if (made instanceof Error e) {
        throw e;
      }
      return (GeneratedOrder) made;
    }

    @Override
    public void close() {
      thread.interrupt();
      try {
        thread.join(JOIN.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
