package dev.foodpipeline.notify.topology;

import java.nio.ByteBuffer;

/**
 * A kitchen-orders value: the creation times (epoch ms) of a restaurant's orders in one second,
 * ascending, packed eight bytes each. Eight bytes an order keeps the store small at any rate, where
 * an entry per order cost about 160 bytes of heap (at 2,000 orders/s a 5-minute window held 600,000
 * and ran the notification service out of its 64 MiB heap).
 */
final class CreationTimes {
  private CreationTimes() {}

  /** {@code times} (null: none) with {@code createdAtMs} added in its place. */
  static byte[] add(byte[] times, long createdAtMs) {
    int count = count(times);
    ByteBuffer in = times == null ? ByteBuffer.allocate(0) : ByteBuffer.wrap(times);
    ByteBuffer out = ByteBuffer.allocate((count + 1) * Long.BYTES);
    int i = 0;
    while (i < count && in.getLong(i * Long.BYTES) <= createdAtMs) {
      out.putLong(in.getLong(i * Long.BYTES));
      i++;
    }
    out.putLong(createdAtMs);
    for (; i < count; i++) {
      out.putLong(in.getLong(i * Long.BYTES));
    }
    return out.array();
  }

  /** How many times {@code times} holds (null: none). */
  static int count(byte[] times) {
    return times == null ? 0 : times.length / Long.BYTES;
  }

  /** {@code times} without those at or before {@code windowStart}; null when none is left. */
  static byte[] after(byte[] times, long windowStart) {
    int count = count(times);
    ByteBuffer in = ByteBuffer.wrap(times);
    int first = 0;
    while (first < count && in.getLong(first * Long.BYTES) <= windowStart) {
      first++;
    }
    if (first == count) {
      return null;
    }
    byte[] kept = new byte[(count - first) * Long.BYTES];
    System.arraycopy(times, first * Long.BYTES, kept, 0, kept.length);
    return kept;
  }
}
