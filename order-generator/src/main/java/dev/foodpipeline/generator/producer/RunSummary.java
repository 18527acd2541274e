package dev.foodpipeline.generator.producer;

import dev.foodpipeline.generator.InvalidKind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a run did: records sent, acknowledged and failed, valid and invalid by kind, how long it
 * took and at what rate. {@code firstSequence}..{@code lastSequence} are the sequence numbers it
 * used; {@code target} describes the rate it was asked to hold ({@code 20 orders/s}); {@code
 * unacknowledged} holds the keys of the first failed sends (up to 1,000).
 */
public record RunSummary(
    String topic,
    long seed,
    long firstSequence,
    long sent,
    long acknowledged,
    long failed,
    long valid,
    Map<InvalidKind, Long> invalidByKind,
    Duration elapsed,
    String firstError,
    String target,
    List<String> unacknowledged) {

  public RunSummary {
    unacknowledged = List.copyOf(unacknowledged);
    Map<InvalidKind, Long> copy = new EnumMap<>(InvalidKind.class);
    copy.putAll(invalidByKind);
    invalidByKind = java.util.Collections.unmodifiableMap(copy);
  }

  /** The last sequence number sent; {@code firstSequence - 1} when nothing was sent. */
  public long lastSequence() {
    return firstSequence + sent - 1;
  }

  public long invalid() {
    return invalidByKind.values().stream().mapToLong(Long::longValue).sum();
  }

  /** True when every record sent was acknowledged: the run succeeded. */
  public boolean allAcknowledged() {
    return failed == 0 && acknowledged == sent;
  }

  /**
   * Acknowledged records per second of the whole run, waiting for the last acknowledgement
   * included.
   */
  public double achievedRate() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : acknowledged / seconds;
  }

  /** The summary as printed at the end of {@code produce}: a few aligned lines. */
  public String format() {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "Produced to %s in %.1f s at %.1f orders/s (target %s; seed %d, sequences %d to %d)%n",
            topic,
            elapsed.toMillis() / 1000.0,
            achievedRate(),
            target,
            seed,
            firstSequence,
            lastSequence()));
    line(text, "sent", sent);
    line(text, "acknowledged", acknowledged);
    line(text, "failed", failed);
    line(text, "valid", valid);
    line(text, "invalid", invalid());
    invalidByKind.forEach(
        (kind, count) -> {
          if (count > 0) {
            text.append(
                String.format(
                    Locale.ROOT,
                    "    %-24s %8d  (to be rejected as %s)%n",
                    kind,
                    count,
                    kind.expectedReason()));
          }
        });
    if (firstError != null) {
      text.append(String.format(Locale.ROOT, "  first failure: %s%n", firstError));
    }
    return text.toString();
  }

  private static void line(StringBuilder text, String label, long value) {
    text.append(String.format(Locale.ROOT, "  %-26s %8d%n", label, value));
  }
}
