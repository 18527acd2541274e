package dev.foodpipeline.generator.reconcile;

import dev.foodpipeline.generator.GeneratedOrder;
import dev.foodpipeline.generator.InvalidKind;
import dev.foodpipeline.generator.OrderFactory;
import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.Restaurant;
import dev.foodpipeline.model.SourcePosition;
import dev.foodpipeline.model.catalog.RestaurantCatalog;
import dev.foodpipeline.model.rules.OrderEnricher;
import dev.foodpipeline.model.topics.Topics;
import dev.foodpipeline.sink.SinkTables;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the sink's tables must hold for the order ids of one range, recomputed from the generator:
 * the enriched order (with its lines) of every valid record, and the reason of every rejected one,
 * filed under the record's key. A {@link InvalidKind#DUPLICATE_ORDER_ID} record carries the id of
 * an earlier order, so its rejection is filed under that id, even when the copy's own sequence lies
 * past the range.
 */
final class Expectation {
  /** A rejection the Streams app must have written for an order id. */
  record ExpectedRejection(long sequence, InvalidKind kind, int partition) {
    ReasonCode reason() {
      return kind.expectedReason();
    }
  }

  /** A valid record: its sequence and what it must become. */
  record ExpectedOrder(long sequence, OrderEnricher.Enriched enriched) {}

  private static final OrderEnricher ENRICHER = new OrderEnricher();

  private final NavigableMap<String, ExpectedOrder> orders = new TreeMap<>();
  private final NavigableMap<String, List<ExpectedRejection>> rejections = new TreeMap<>();

  private final RestaurantCatalog catalog;

  private Expectation(RestaurantCatalog catalog) {
    this.catalog = catalog;
  }

  /**
   * @param run the whole run (a duplicate in the range's future copies an id of the range)
   * @param range the ids to expect rows for
   */
  static Expectation of(OrderFactory factory, OrderIdRange run, OrderIdRange range) {
    Expectation expectation = new Expectation(factory.catalog());
    for (long sequence = range.first(); sequence <= range.last(); sequence++) {
      GeneratedOrder generated = factory.generate(sequence);
      // A duplicate may copy an id of the previous range: that range expects it.
      if (range.contains(generated.key())) {
        expectation.add(generated);
      }
    }
    long lookAhead = Math.min(run.last() - range.last(), OrderFactory.DUPLICATE_LOOKBACK);
    for (long sequence = range.last() + 1; sequence <= range.last() + lookAhead; sequence++) {
      if (factory
          .kindOf(sequence)
          .filter(kind -> kind == InvalidKind.DUPLICATE_ORDER_ID)
          .isPresent()) {
        GeneratedOrder copy = factory.generate(sequence);
        if (range.contains(copy.key())) {
          expectation.add(copy);
        }
      }
    }
    return expectation;
  }

  private void add(GeneratedOrder generated) {
    int partition = partitionOf(generated.key());
    if (generated.isValid()) {
      Order order = generated.order().orElseThrow();
      SourcePosition position = new SourcePosition(Topics.FOOD_ORDERS.name(), partition, -1);
      orders.put(
          generated.key(),
          new ExpectedOrder(
              generated.sequence(), ENRICHER.enrich(order, restaurantOf(order), position, null)));
    } else {
      rejections
          .computeIfAbsent(generated.key(), id -> new ArrayList<>())
          .add(
              new ExpectedRejection(
                  generated.sequence(), generated.invalidKind().orElseThrow(), partition));
    }
  }

  private Restaurant restaurantOf(Order order) {
    return catalog.find(order.restaurantId()).orElseThrow();
  }

  /** The partition the Java producer's default partitioner gives a key on {@code food-orders}. */
  static int partitionOf(String key) {
    return Topics.FOOD_ORDERS.partitionOf(key);
  }

  Map<String, ExpectedOrder> orders() {
    return Collections.unmodifiableMap(orders);
  }

  List<ExpectedRejection> rejectionsOf(String orderId) {
    return rejections.getOrDefault(orderId, List.of());
  }

  ExpectedOrder orderOf(String orderId) {
    return orders.get(orderId);
  }

  /** Every order id with an expected row in any table. */
  Set<String> ids() {
    Set<String> ids = new TreeSet<>(orders.keySet());
    ids.addAll(rejections.keySet());
    return ids;
  }

  /** How many rows each table must hold for the range. */
  SinkTables.Counts counts() {
    long items = orders.values().stream().mapToLong(o -> o.enriched().items().size()).sum();
    long rejected = rejections.values().stream().mapToLong(List::size).sum();
    return new SinkTables.Counts(orders.size(), items, rejected);
  }
}
