package dev.foodpipeline.notify.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the topology counted since the instance started, for the status log line and {@code
 * /status}. Plain counters in memory: a task processed again after a crash counts its records again
 * (the notifications themselves are exactly-once; these figures are not).
 */
public final class Counters {
  final AtomicLong confirmed = new AtomicLong();
  final AtomicLong rejected = new AtomicLong();
  final AtomicLong rejectionsWithoutCustomer = new AtomicLong();
  final AtomicLong malformedProcessed = new AtomicLong();
  final AtomicLong malformedRejections = new AtomicLong();
  final AtomicLong kitchenOverloaded = new AtomicLong();
  final AtomicLong kitchenOk = new AtomicLong();
  final AtomicLong ordersOfUnknownRestaurants = new AtomicLong();

  /** The counters by name, in a stable order. */
  public Map<String, Long> snapshot() {
    Map<String, Long> values = new LinkedHashMap<>();
    values.put("orderConfirmed", confirmed.get());
    values.put("orderRejected", rejected.get());
    values.put("rejectionsWithoutCustomer", rejectionsWithoutCustomer.get());
    values.put("malformedProcessedRejected", malformedProcessed.get());
    values.put("malformedRejectionsSkipped", malformedRejections.get());
    values.put("kitchenOverloaded", kitchenOverloaded.get());
    values.put("kitchenOk", kitchenOk.get());
    values.put("ordersOfUnknownRestaurants", ordersOfUnknownRestaurants.get());
    return values;
  }

  /** How many rejections had no customer to tell ({@code RejectedCustomer} gave none). */
  public long rejectionsWithoutCustomer() {
    return rejectionsWithoutCustomer.get();
  }

  /** How many records of food-orders-processed could not be read and were rejected. */
  public long malformedProcessed() {
    return malformedProcessed.get();
  }

  /** How many records of food-orders-rejected could not be read and were skipped. */
  public long malformedRejections() {
    return malformedRejections.get();
  }

  @Override
  public String toString() {
    return snapshot().toString();
  }
}
