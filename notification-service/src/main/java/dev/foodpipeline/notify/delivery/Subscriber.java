package dev.foodpipeline.notify.delivery;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One open event stream: the notifications of one recipient the feed hands over, in a bounded
 * queue. When the queue is full the subscriber is cut off: {@link #overflowed()} turns true and the
 * thread writing its stream is interrupted (which also breaks a write blocked on a client that
 * reads nothing), so a slow client costs at most its queue.
 */
public final class Subscriber {
  private final String recipient;
  private final int partition;
  private final long resumeAfter;
  private final BlockingQueue<Delivery> queue;
  private final Object lock = new Object();
  private Thread writer;
  private volatile boolean overflowed;

  Subscriber(String recipient, int partition, long resumeAfter, int capacity) {
    this.recipient = recipient;
    this.partition = partition;
    this.resumeAfter = resumeAfter;
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  public String recipient() {
    return recipient;
  }

  /**
   * The partition of {@code order-notifications} that holds every notification of the recipient.
   */
  public int partition() {
    return partition;
  }

  /** True once the queue was full: the stream must end, the client resumes from its last id. */
  public boolean overflowed() {
    return overflowed;
  }

  /** The next notification, waiting up to {@code timeoutMs}; null when there is none by then. */
  public Delivery next(long timeoutMs) throws InterruptedException {
    return queue.poll(timeoutMs, TimeUnit.MILLISECONDS);
  }

  /** The thread that writes the stream: the one interrupted on overflow, until {@link #detach}. */
  public void attach(Thread thread) {
    synchronized (lock) {
      writer = thread;
    }
  }

  /** The writer is done: no interrupt reaches its thread after this; clears a pending one. */
  public void detach() {
    synchronized (lock) {
      writer = null;
      Thread.interrupted();
    }
  }

  /** Called by the feed: false when the subscriber was cut off (now or before). */
  boolean offer(Delivery delivery) {
    if (overflowed) {
      return false;
    }
    if (delivery.partition() == partition && delivery.offset() <= resumeAfter) {
      return true;
    }
    if (queue.offer(delivery)) {
      return true;
    }
    overflowed = true;
    synchronized (lock) {
      if (writer != null) {
        writer.interrupt();
      }
    }
    return false;
  }
}
