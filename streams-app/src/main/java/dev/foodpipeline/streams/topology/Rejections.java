package dev.foodpipeline.streams.topology;

import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.RejectedOrder;
import dev.foodpipeline.model.Rejection;
import dev.foodpipeline.model.SourcePosition;
import dev.foodpipeline.model.json.InputLimits;
import dev.foodpipeline.model.json.RawText;
import java.time.Instant;

/**
 * Builds the {@link RejectedOrder} of an input record: its position, reason, original text and
 * time. Every text in it is bounded ({@link TopologySettings#MAX_RAW_CHARS_LIMIT}, {@link
 * Rejection#MAX_REASON_CHARS}, {@link InputLimits#MAX_ID_CHARS}) and free of control characters, so
 * the record of any input fits in a Kafka record and in PostgreSQL.
 */
public final class Rejections {
  /** Marks where {@link #boundedRaw} cut the original text. */
  public static final String CUT_MARK = RawText.CUT_MARK;

  private final int maxRawChars;

  public Rejections(int maxRawChars) {
    this.maxRawChars = maxRawChars;
  }

  /**
   * @param orderId the order id if known, else null; kept only when it is a valid id ({@link
   *     InputLimits#isValidId}), so that whatever a producer wrote, {@code order_id} is short and
   *     clean
   * @param raw the record's original value (may be null)
   */
  public RejectedOrder reject(
      SourcePosition source, String orderId, Rejection rejection, byte[] raw, Instant rejectedAt) {
    return RejectedOrder.of(
        source,
        InputLimits.validIdOrNull(orderId),
        rejection,
        boundedRaw(raw, maxRawChars),
        rejectedAt);
  }

  /**
   * The original bytes as {@link RawText} (text, or {@code base64:…} when not UTF-8), cut to {@code
   * maxChars} characters plus a mark saying how large the record was.
   */
  public static String boundedRaw(byte[] raw, int maxChars) {
    return RawText.bounded(raw, maxChars);
  }

  /** The rejection for a record that failed for a reason no rule names: a bug, kept, not lost. */
  public static Rejection processingError(Throwable error) {
    String message = error.getMessage() == null ? "(no message)" : error.getMessage();
    return new Rejection(
        ReasonCode.PROCESSING_ERROR, "unexpected " + error.getClass().getName() + ": " + message);
  }
}
