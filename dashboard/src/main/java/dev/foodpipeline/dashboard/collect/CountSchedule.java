package dev.foodpipeline.dashboard.collect;

/**
 * When the row counts are due again. {@code count(*)} is exact but reads the whole table, so its
 * cost grows with the table: 1.5 million orders and 4.5 million items took 0.75 s to count, each
 * second, most of a core of PostgreSQL for a dashboard that nobody may be watching. A count is
 * taken again only once {@value #QUIET_FACTOR} times as long as the last one took has passed, so
 * counting costs PostgreSQL at most about 2 % of its time: small tables are counted at every poll,
 * large ones every few seconds.
 */
final class CountSchedule {
  static final int QUIET_FACTOR = 50;

  private long nextNanos;
  private boolean counted;

  /** True when no count was taken yet, or the last one's quiet time is over at {@code nowNanos}. */
  boolean due(long nowNanos) {
    return !counted || nowNanos - nextNanos >= 0;
  }

  /** A count ran from {@code startNanos} to {@code endNanos} (of {@link System#nanoTime()}). */
  void counted(long startNanos, long endNanos) {
    counted = true;
    nextNanos = endNanos + QUIET_FACTOR * (endNanos - startNanos);
  }
}
