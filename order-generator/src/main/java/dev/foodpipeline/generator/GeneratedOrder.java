package dev.foodpipeline.generator;

import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.ReasonCode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One record for {@code food-orders} and what must become of it: accepted as {@link #order()}, or
 * rejected with {@link #expectedReason()}.
 */
public final class GeneratedOrder {
  private final long sequence;
  private final String key;
  private final byte[] value;
  private final Order order;
  private final InvalidKind invalidKind;

  GeneratedOrder(long sequence, String key, byte[] value, Order order, InvalidKind invalidKind) {
    this.sequence = sequence;
    this.key = Objects.requireNonNull(key, "key");
    this.value = Objects.requireNonNull(value, "value");
    this.order = order;
    this.invalidKind = invalidKind;
  }

  public long sequence() {
    return sequence;
  }

  /**
   * The record key: the order id (for a record too broken to hold one, the id it would have had).
   */
  public String key() {
    return key;
  }

  /** The record value, exactly as it is sent. The array is shared: do not modify it. */
  public byte[] value() {
    return value;
  }

  /** The value as text, for logs and assertions (invalid UTF-8 shows as replacement characters). */
  public String valueAsText() {
    return new String(value, StandardCharsets.UTF_8);
  }

  /**
   * The order the value holds, when the value is an order's JSON exactly: always for a valid
   * record, and for invalid kinds that fail a business rule (unknown restaurant, price mismatch,
   * ...); empty for records that cannot be read as an order (malformed, wrong type, missing field,
   * too large).
   */
  public Optional<Order> order() {
    return Optional.ofNullable(order);
  }

  public boolean isValid() {
    return invalidKind == null;
  }

  public Optional<InvalidKind> invalidKind() {
    return Optional.ofNullable(invalidKind);
  }

  /** The reason the Streams app must reject this record with; empty when it must accept it. */
  public Optional<ReasonCode> expectedReason() {
    return invalidKind().map(InvalidKind::expectedReason);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GeneratedOrder that
        && sequence == that.sequence
        && key.equals(that.key)
        && Arrays.equals(value, that.value)
        && Objects.equals(order, that.order)
        && invalidKind == that.invalidKind;
  }

  @Override
  public int hashCode() {
    return Objects.hash(sequence, key, Arrays.hashCode(value), order, invalidKind);
  }

  @Override
  public String toString() {
    return "GeneratedOrder["
        + sequence
        + ", "
        + key
        + ", "
        + (isValid() ? "valid" : invalidKind)
        + "]";
  }
}
