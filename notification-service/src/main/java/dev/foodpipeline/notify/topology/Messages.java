package dev.foodpipeline.notify.topology;

import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.ReasonCode;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The words of the notifications: for a customer, plain sentences that never quote the input nor
 * the validator's reason (which may quote the input); for a restaurant, the figures of its load.
 */
public final class Messages {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** What each reason code means for the customer; complete (checked when the class loads). */
  static final Map<ReasonCode, String> REJECTION_WORDS = rejectionWords();

  private Messages() {}

  private static Map<ReasonCode, String> rejectionWords() {
    Map<ReasonCode, String> words = new EnumMap<>(ReasonCode.class);
    words.put(ReasonCode.MALFORMED_JSON, "we could not read it. Please try placing it again.");
    words.put(
        ReasonCode.SCHEMA_VIOLATION,
        "some details we need were missing. Please try placing it again.");
    words.put(
        ReasonCode.INVALID_VALUE,
        "some of its details were not valid. Please check them and try again.");
    words.put(
        ReasonCode.UNKNOWN_RESTAURANT,
        "the restaurant is not available. Please choose another restaurant.");
    words.put(
        ReasonCode.UNKNOWN_MENU_ITEM,
        "an item is not on the restaurant's menu. Please check your order and try again.");
    words.put(
        ReasonCode.PRICE_MISMATCH,
        "the price of an item has changed. Please check the prices and order again.");
    words.put(
        ReasonCode.BAD_QUANTITY,
        "the quantity of an item is more or less than we can take. Please change it and try again.");
    words.put(ReasonCode.EMPTY_ORDER, "it had no items in it.");
    words.put(
        ReasonCode.OVERSIZED_ORDER,
        "it is larger than we can take at once. Please split it into smaller orders.");
    words.put(
        ReasonCode.DUPLICATE_ORDER,
        "we already have this order, so we did not take it a second time.");
    words.put(
        ReasonCode.TIMESTAMP_OUT_OF_RANGE,
        "it carried a date we cannot accept. Please check your device's clock and order again.");
    words.put(
        ReasonCode.PROCESSING_ERROR,
        "something went wrong on our side. Please try again; we are looking into it.");
    for (ReasonCode code : ReasonCode.values()) {
      if (!words.containsKey(code)) {
        throw new IllegalStateException("no customer words for " + code);
      }
    }
    return Map.copyOf(words);
  }

  /**
   * "Golden Thai Kitchen 3 has accepted your order o-17: total 23.50, ready at about 12:40 UTC."
   */
  public static String confirmed(ProcessedOrder order) {
    return String.format(
        Locale.ROOT,
        "%s has accepted your order %s: total %s, ready at about %s.",
        order.restaurantName(),
        order.orderId(),
        order.total().setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
        TIME.format(order.estimatedReadyAt()));
  }

  /** "Your order o-17 was not accepted: the restaurant is not available. …" */
  public static String rejected(String orderId, ReasonCode code) {
    return (orderId == null ? "Your order" : "Your order " + orderId)
        + " was not accepted: "
        + REJECTION_WORDS.get(code);
  }

  /** "Your kitchen has 12 orders in the last 5 minutes, more than the 10 it can take." */
  public static String overloaded(long orders, long capacity, String window) {
    return String.format(
        Locale.ROOT,
        "Your kitchen has %d orders in the last %s, more than the %d it can take.",
        orders,
        window,
        capacity);
  }

  /** "Your kitchen is back within capacity: 8 orders in the last 5 minutes, of 10." */
  public static String ok(long orders, long capacity, String window) {
    return String.format(
        Locale.ROOT,
        "Your kitchen is back within capacity: %d orders in the last %s, of %d.",
        orders,
        window,
        capacity);
  }

  /** "5 minutes", "90 seconds". */
  static String window(java.time.Duration window) {
    long seconds = window.toSeconds();
    if (seconds % 60 == 0) {
      long minutes = seconds / 60;
      return minutes == 1 ? "minute" : minutes + " minutes";
    }
    return seconds + " seconds";
  }

  /** For tests and logs: an instant as the messages write it. */
  static String time(Instant instant) {
    return TIME.format(instant);
  }
}
