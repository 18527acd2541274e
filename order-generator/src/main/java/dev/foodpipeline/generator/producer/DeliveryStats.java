package dev.foodpipeline.generator.producer;

import dev.foodpipeline.generator.GeneratedOrder;
import dev.foodpipeline.generator.InvalidKind;
import dev.foodpipeline.shell.Errors;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts a run's records: sent and by kind (on the run's thread), acknowledged and failed (from the
 * producer's callbacks, on its I/O thread).
 */
public final class DeliveryStats {
  /** How many keys of failed sends a run keeps for its run file (the count goes on). */
  static final int UNACKNOWLEDGED_KEPT = 1_000;

  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong valid = new AtomicLong();
  private final Map<InvalidKind, AtomicLong> invalid = new EnumMap<>(InvalidKind.class);
  private final AtomicReference<String> firstError = new AtomicReference<>();
  private final List<String> unacknowledged = new ArrayList<>();

  public DeliveryStats() {
    for (InvalidKind kind : InvalidKind.values()) {
      invalid.put(kind, new AtomicLong());
    }
  }

  /** A point-in-time copy of the three delivery counters. */
  public record Counts(long sent, long acknowledged, long failed) {
    public long pending() {
      return sent - acknowledged - failed;
    }
  }

  void sent(GeneratedOrder order) {
    sent.incrementAndGet();
    order
        .invalidKind()
        .ifPresentOrElse(kind -> invalid.get(kind).incrementAndGet(), valid::incrementAndGet);
  }

  /** The producer callback for the record of {@code key}: a null error is an acknowledgement. */
  void completed(String key, Exception error) {
    if (error == null) {
      acknowledged.incrementAndGet();
    } else {
      failed.incrementAndGet();
      firstError.compareAndSet(null, describe(error));
      synchronized (unacknowledged) {
        if (unacknowledged.size() < UNACKNOWLEDGED_KEPT) {
          unacknowledged.add(key);
        }
      }
    }
  }

  private static String describe(Exception error) {
    return error.getClass().getSimpleName()
        + (error.getMessage() == null ? "" : ": " + Errors.oneLine(error.getMessage()));
  }

  public Counts counts() {
    // Read the completions before "sent" can only make pending() larger, never negative.
    long ack = acknowledged.get();
    long fail = failed.get();
    return new Counts(Math.max(sent.get(), ack + fail), ack, fail);
  }

  public long valid() {
    return valid.get();
  }

  public Map<InvalidKind, Long> invalidByKind() {
    Map<InvalidKind, Long> counts = new EnumMap<>(InvalidKind.class);
    invalid.forEach((kind, count) -> counts.put(kind, count.get()));
    return counts;
  }

  public String firstError() {
    return firstError.get();
  }

  /** The keys (order ids) of the first failed sends, in the order they failed. */
  public List<String> unacknowledged() {
    synchronized (unacknowledged) {
      return List.copyOf(unacknowledged);
    }
  }
}
