package dev.foodpipeline.e2e;

import dev.foodpipeline.generator.GeneratedOrder;
import dev.foodpipeline.generator.GenerationSpec;
import dev.foodpipeline.generator.OrderFactory;
import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.SourcePosition;
import dev.foodpipeline.model.rules.OrderEnricher;
import dev.foodpipeline.model.topics.Topics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a seeded generator run must produce, recomputed from (seed, sequence) alone: each order's
 * partition (the Java producer's key hash), its offset (records of one partition arrive in send
 * order), and either its enriched form or its rejection reason.
 */
final class ExpectedRun {
  /** One generated record and where it must have landed. */
  record Expected(GeneratedOrder generated, SourcePosition position) {}

  private final List<Expected> records = new ArrayList<>();
  private final OrderFactory factory;

  ExpectedRun(
      long seed, double invalidRatio, int count, Clock clock, Map<Integer, Long> baseOffsets) {
    factory = new OrderFactory(GenerationSpec.of(seed, invalidRatio), clock);
    Map<Integer, Long> next = new HashMap<>(baseOffsets);
    factory
        .generate(GenerationSpec.DEFAULT_FIRST_SEQUENCE, count)
        .forEach(
            generated -> {
              int partition = partitionOf(generated.key());
              long offset = next.merge(partition, 1L, Long::sum) - 1;
              records.add(
                  new Expected(
                      generated, new SourcePosition(Topics.FOOD_ORDERS.name(), partition, offset)));
            });
  }

  static int partitionOf(String key) {
    return Topics.FOOD_ORDERS.partitionOf(key);
  }

  List<Expected> valid() {
    return records.stream().filter(e -> e.generated().isValid()).toList();
  }

  List<Expected> rejected() {
    return records.stream().filter(e -> !e.generated().isValid()).toList();
  }

  /**
   * The enriched order a valid record must become (processedAt is the Streams app's, so null here).
   */
  OrderEnricher.Enriched enriched(Expected expected) {
    Order order = expected.generated().order().orElseThrow();
    return new OrderEnricher()
        .enrich(
            order,
            factory.catalog().find(order.restaurantId()).orElseThrow(),
            expected.position(),
            null);
  }
}
