package dev.foodpipeline.generator.reconcile;

import dev.foodpipeline.generator.OrderFactory;
import dev.foodpipeline.sink.SinkTables;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The order ids of sequences {@code first} to {@code last} of a seed: {@code o-<seed>-<first>} to
 * {@code o-<seed>-<last>}. Ids with the same number of digits sort as their numbers do, so a range
 * whose ends have the same number of digits is one SQL {@code BETWEEN}; {@link #chunks(long)} cuts
 * a range into such pieces.
 */
public record OrderIdRange(long seed, long first, long last) implements SinkTables.IdRange {

  public OrderIdRange {
    if (first < 0 || last < first - 1) {
      throw new IllegalArgumentException("not a range of sequences: " + first + " to " + last);
    }
  }

  public long size() {
    return last - first + 1;
  }

  public boolean isEmpty() {
    return size() == 0;
  }

  public String lowId() {
    return OrderFactory.orderId(seed, first);
  }

  public String highId() {
    return OrderFactory.orderId(seed, last);
  }

  /** What every id of the seed starts with: {@code o-<seed>-}. */
  public String prefix() {
    return "o-" + seed + "-";
  }

  /** The sequence number of an id of this range, written exactly as the generator writes it. */
  public OptionalLong sequenceOf(String orderId) {
    if (orderId == null || !orderId.startsWith(prefix())) {
      return OptionalLong.empty();
    }
    String digits = orderId.substring(prefix().length());
    if (digits.isEmpty()
        || digits.length() > 18
        || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return OptionalLong.empty();
    }
    long sequence = Long.parseLong(digits);
    if (sequence < first
        || sequence > last
        || !OrderFactory.orderId(seed, sequence).equals(orderId)) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(sequence);
  }

  public boolean contains(String orderId) {
    return sequenceOf(orderId).isPresent();
  }

  /**
   * Consecutive pieces of at most {@code size} sequences whose ids all have the same number of
   * digits, so that each is one {@code BETWEEN lowId AND highId}.
   */
  public List<OrderIdRange> chunks(long size) {
    if (size < 1) {
      throw new IllegalArgumentException("chunk size must be at least 1, was " + size);
    }
    List<OrderIdRange> chunks = new ArrayList<>();
    long start = first;
    while (start <= last) {
      // last - start cannot overflow (both are at least 0); start + size - 1 can, for a large size.
      long end = last - start < size ? last : start + size - 1;
      end = Math.min(end, lastWithSameDigits(start));
      chunks.add(new OrderIdRange(seed, start, end));
      if (end == Long.MAX_VALUE) {
        break;
      }
      start = end + 1;
    }
    return chunks;
  }

  /** The largest sequence whose id has as many digits as that of {@code sequence} (at least 8). */
  private static long lastWithSameDigits(long sequence) {
    int digits = Math.max(8, Long.toString(sequence).length());
    if (digits >= 19) {
      return Long.MAX_VALUE;
    }
    long power = 1;
    for (int i = 0; i < digits; i++) {
      power *= 10;
    }
    return power - 1;
  }

  @Override
  public String toString() {
    return isEmpty() ? "no orders" : lowId() + " to " + highId();
  }
}
