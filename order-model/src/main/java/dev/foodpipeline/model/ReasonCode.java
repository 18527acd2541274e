package dev.foodpipeline.model;

/** Why an input record was rejected. The names are stable: they are stored in PostgreSQL. */
public enum ReasonCode {
  /** Not JSON at all, not UTF-8, or an empty record. */
  MALFORMED_JSON,
  /** JSON, but a field is missing or has the wrong type. */
  SCHEMA_VIOLATION,
  /**
   * JSON of the right types, but a value outside the contract's bounds: an id (or the record key)
   * outside the id alphabet or length, a text with a control character or too long, a price or
   * quantity with too many digits.
   */
  INVALID_VALUE,
  /** The restaurant id is not in the restaurant catalogue. */
  UNKNOWN_RESTAURANT,
  /** A line names a menu item the restaurant does not serve. */
  UNKNOWN_MENU_ITEM,
  /** A line's unit price differs from the menu price. */
  PRICE_MISMATCH,
  /** A quantity below 1 or above the limit. */
  BAD_QUANTITY,
  /** An order without lines. */
  EMPTY_ORDER,
  /** Too many lines, or a record larger than the size limit. */
  OVERSIZED_ORDER,
  /** An order id that was already accepted. */
  DUPLICATE_ORDER,
  /** A created-at timestamp too far in the past or the future. */
  TIMESTAMP_OUT_OF_RANGE,
  /** A record that failed in processing for a reason no rule names (a bug; kept, not lost). */
  PROCESSING_ERROR
}
