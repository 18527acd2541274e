package dev.foodpipeline.generator;

import dev.foodpipeline.model.ReasonCode;

/**
 * The kinds of bad record the generator writes on purpose, each with the one {@link ReasonCode} the
 * Streams app must reject it with. Every invalid record carries exactly one fault; the rest of it
 * is a valid order, so the validator's order of checks cannot give it another reason.
 */
public enum InvalidKind {
  /** Bytes that are not JSON: a truncated order, invalid UTF-8, or plain text. */
  MALFORMED_JSON(ReasonCode.MALFORMED_JSON),
  /** A field of the wrong JSON type, such as a quantity written as a string. */
  WRONG_TYPE(ReasonCode.SCHEMA_VIOLATION),
  /** A required field left out or set to null. */
  MISSING_FIELD(ReasonCode.SCHEMA_VIOLATION),
  /**
   * A value outside its field's bounds: a NUL or other control character, an id too long or with a
   * character outside the id alphabet, a price such as {@code 1e999999999} or with 3 decimals.
   */
  INVALID_VALUE(ReasonCode.INVALID_VALUE),
  /** A restaurant id that is not in the catalogue. */
  UNKNOWN_RESTAURANT(ReasonCode.UNKNOWN_RESTAURANT),
  /** A line naming a dish the restaurant does not serve. */
  UNKNOWN_MENU_ITEM(ReasonCode.UNKNOWN_MENU_ITEM),
  /** A line whose unit price differs from the menu price (a stale or tampered price). */
  PRICE_MISMATCH(ReasonCode.PRICE_MISMATCH),
  /** A line with a quantity of 0 or less, or above the limit of 20. */
  BAD_QUANTITY(ReasonCode.BAD_QUANTITY),
  /** An order without lines. */
  EMPTY_ORDER(ReasonCode.EMPTY_ORDER),
  /** More than 50 lines, or a record larger than 64 KiB. */
  OVERSIZED_RECORD(ReasonCode.OVERSIZED_ORDER),
  /** A created-at timestamp 30 days before the generator's clock. */
  TIMESTAMP_OUT_OF_RANGE(ReasonCode.TIMESTAMP_OUT_OF_RANGE),
  /**
   * A second record with the order id (and key) of an earlier valid order of the same run (within
   * {@link OrderFactory#DUPLICATE_LOOKBACK} records), dated now: the Streams app's order-id dedup
   * rejects it and keeps the first.
   */
  DUPLICATE_ORDER_ID(ReasonCode.DUPLICATE_ORDER);

  private final ReasonCode expectedReason;

  InvalidKind(ReasonCode expectedReason) {
    this.expectedReason = expectedReason;
  }

  /** The reason code the Streams app must give a record of this kind. */
  public ReasonCode expectedReason() {
    return expectedReason;
  }
}
