package dev.foodpipeline.shell.streams;

import java.time.Duration;
import org.apache.kafka.streams.processor.api.ProcessingContext;

/**
 * Asks Kafka Streams for a commit once a stream thread has read enough records, so that the commit
 * interval can be long when few records flow and commits still come soon when many do. Under
 * exactly-once a commit is a transaction: its cost is fixed (the partitions added to it, the
 * offsets, its end and a marker in every partition it wrote), and what it delays is every record
 * read since the one before. With {@code records} at 30 and the interval at 500 ms, a thread
 * reading 300 records a second commits about every 100 ms, one reading 30 a second every 500 ms.
 *
 * <p>One pacer serves a whole topology: the processors that read its input records share it and
 * call {@link #read} for each record. It counts per stream thread (a task is processed by the
 * thread that owns it, and the thread commits all its tasks at once), and asks when the thread has
 * read {@code records} since it last asked and at least {@link #MIN_GAP} has passed: however many
 * tasks a thread runs, it commits at most ten times a second for the pacer. A request may find
 * records the interval already committed: a commit then comes early, never late.
 */
public final class CommitPacer {
  /** The least time between two requests on one stream thread. */
  public static final Duration MIN_GAP = Duration.ofMillis(100);

  private final int records;
  private final ThreadLocal<ThreadCount> counts = ThreadLocal.withInitial(ThreadCount::new);

  /** The records a thread read since it last asked, and when it last asked. */
  private static final class ThreadCount {
    int read;
    long lastRequestMs = Long.MIN_VALUE / 2;
  }

  /**
   * @param records how many records a stream thread reads before it asks for a commit; 0 never asks
   *     (the commit interval alone decides)
   */
  public CommitPacer(int records) {
    if (records < 0) {
      throw new IllegalArgumentException("records must be >= 0, got " + records);
    }
    this.records = records;
  }

  /** Counts one record read on this stream thread and asks for a commit when one is due. */
  public void read(ProcessingContext context) {
    if (records == 0) {
      return;
    }
    ThreadCount count = counts.get();
    if (++count.read < records) {
      return;
    }
    long now = context.currentSystemTimeMs();
    if (now - count.lastRequestMs >= MIN_GAP.toMillis()) {
      context.commit();
      count.lastRequestMs = now;
      count.read = 0;
    }
  }
}
