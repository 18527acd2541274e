package dev.foodpipeline.model.json;

import com.ethlo.time.ITU;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 instants read the way {@link Instant#parse} reads them, fast for the shape the contract
 * writes. Every timestamp of the pipeline is {@code Instant.toString()} in UTC, such as {@code
 * 2026-03-01T12:00:00.123Z}; {@code Instant.parse} reads one in about 600 ns through the general
 * {@code DateTimeFormatter}, and it was 4 to 9 % of the CPU of the Streams app, the notification
 * service and the Connect worker at full rate (docs/benchmarks.md, "Timestamps"). A text of that
 * shape (a four-digit year, {@code T}, {@code Z} at the end, at most nine fraction digits) is read
 * by ITU's RFC 3339 parser (about 30 ns); anything else, and anything ITU refuses, by {@code
 * Instant.parse}, so the result and the error are always {@code Instant.parse}'s.
 */
public final class Instants {
  /** {@code yyyy-MM-ddTHH:mm:ssZ}. */
  private static final int SHORTEST = 20;

  /** {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ}. */
  private static final int LONGEST = 30;

  private Instants() {}

  /**
   * The instant {@code text} names.
   *
   * @throws DateTimeParseException as {@link Instant#parse} throws it
   */
  public static Instant parse(String text) {
    Instant fast = parseFast(text);
    return fast != null ? fast : Instant.parse(text);
  }

  /**
   * The instant {@code text} names if it has the contract's shape and ITU reads it, else null: then
   * {@link Instant#parse} (or another reader of ISO-8601, such as Jackson's) must decide.
   */
  static Instant parseFast(String text) {
    if (!hasContractShape(text)) {
      return null;
    }
    try {
      return ITU.parseDateTime(text).toInstant();
    } catch (DateTimeException e) {
      return null; // what ITU refuses (24:00, a leap second) is for Instant.parse to read or refuse
    }
  }

  private static boolean hasContractShape(String text) {
    int length = text.length();
    return length >= SHORTEST
        && length <= LONGEST
        && text.charAt(4) == '-'
        && text.charAt(10) == 'T'
        && text.charAt(length - 1) == 'Z';
  }
}
