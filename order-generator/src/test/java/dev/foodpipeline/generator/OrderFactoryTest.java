package dev.foodpipeline.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.foodpipeline.model.MenuItem;
import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.OrderLine;
import dev.foodpipeline.model.Restaurant;
import dev.foodpipeline.model.catalog.RestaurantCatalog;
import dev.foodpipeline.model.json.Json;
import dev.foodpipeline.model.json.OrderReader;
import dev.foodpipeline.model.json.ParsedOrder;
import dev.foodpipeline.model.rules.OrderValidator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OrderFactoryTest {
  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00.123Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static OrderFactory factory(long seed, double invalidRatio) {
    return new OrderFactory(GenerationSpec.of(seed, invalidRatio), CLOCK);
  }

  @Test
  void sameSeedAndSequenceGiveTheSameBytes() {
    for (long sequence = 1; sequence <= 500; sequence++) {
      assertThat(factory(42, 0.3).generate(sequence))
          .isEqualTo(factory(42, 0.3).generate(sequence));
    }
  }

  @Test
  void onlyCreatedAtDependsOnTheClock() {
    Clock later = Clock.fixed(NOW.plus(3, ChronoUnit.HOURS), ZoneOffset.UTC);
    OrderFactory now = factory(7, 0.0);
    OrderFactory inThreeHours = new OrderFactory(GenerationSpec.of(7, 0.0), later);
    for (long sequence = 1; sequence <= 200; sequence++) {
      Order first = now.generate(sequence).order().orElseThrow();
      Order second = inThreeHours.generate(sequence).order().orElseThrow();
      assertThat(second.createdAt()).isEqualTo(first.createdAt().plus(3, ChronoUnit.HOURS));
      assertThat(second.withCreatedAt(first.createdAt())).isEqualTo(first);
    }
  }

  @Test
  void createdAtIsTheClockToTheMillisecond() {
    Clock withNanos = Clock.fixed(Instant.parse("2025-03-01T12:00:00.123456789Z"), ZoneOffset.UTC);
    Order order =
        new OrderFactory(GenerationSpec.of(1, 0), withNanos).generate(1).order().orElseThrow();
    assertThat(order.createdAt()).isEqualTo(Instant.parse("2025-03-01T12:00:00.123Z"));
  }

  @Test
  void differentSeedsGiveDifferentOrders() {
    List<String> seed1 = values(factory(1, 0.1), 100);
    List<String> seed2 = values(factory(2, 0.1), 100);
    for (int i = 0; i < 100; i++) {
      assertThat(seed1.get(i)).isNotEqualTo(seed2.get(i));
    }
  }

  @Test
  void orderNDoesNotDependOnWhetherTheOrdersBeforeItWereGenerated() {
    OrderFactory warm = factory(42, 0.2);
    List<GeneratedOrder> inOrder = warm.generate(1, 300).toList();
    OrderFactory cold = factory(42, 0.2);
    for (long sequence = 300; sequence >= 1; sequence -= 7) {
      assertThat(cold.generate(sequence)).isEqualTo(inOrder.get((int) sequence - 1));
    }
    assertThat(factory(42, 0.2).generate(123_456)).isEqualTo(warm.generate(123_456));
  }

  @Test
  void theKeyIsTheOrderIdOfSeedAndSequence() {
    GeneratedOrder order = factory(42, 0).generate(17);
    assertThat(order.key()).isEqualTo("o-42-00000017").isEqualTo(OrderFactory.orderId(42, 17));
    assertThat(order.order().orElseThrow().orderId()).isEqualTo(order.key());
    assertThat(order.sequence()).isEqualTo(17);
    assertThat(order.valueAsText()).contains("\"orderId\":\"o-42-00000017\"");
  }

  @Test
  void validOrdersPassTheReaderAndTheValidatorAtTheMenuPrices() {
    OrderFactory factory = factory(42, 0);
    RestaurantCatalog catalog = RestaurantCatalog.generate(42);
    OrderReader reader = new OrderReader();
    OrderValidator validator = new OrderValidator();
    for (GeneratedOrder generated : factory.generate(1, 2000).toList()) {
      assertThat(generated.isValid()).isTrue();
      assertThat(generated.expectedReason()).isEmpty();
      assertThat(generated.invalidKind()).isEmpty();
      Order order = generated.order().orElseThrow();
      assertThat(reader.read(generated.value())).isEqualTo(new ParsedOrder.Valid(order));
      Restaurant restaurant = catalog.find(order.restaurantId()).orElseThrow();
      assertThat(validator.validate(order, restaurant, NOW)).isEmpty();
      for (OrderLine line : order.items()) {
        MenuItem dish = restaurant.menuItem(line.menuItemId()).orElseThrow();
        assertThat(line.unitPrice()).isEqualTo(dish.price());
      }
      assertThat(order.deliveryAddress().city()).isEqualTo(restaurant.city());
      assertThat(order.deliveryAddress().postalCode()).matches("\\d{4}-\\d{3}");
      assertThat(order.customerId()).matches("c-\\d{4}");
      assertThat(order.createdAt()).isEqualTo(NOW);
    }
  }

  @Test
  void validOrdersLookLikeRealOnes() {
    List<Order> orders = factory(3, 0).generate(1, 5000).map(g -> g.order().orElseThrow()).toList();
    Map<Integer, Long> byLineCount =
        orders.stream()
            .collect(Collectors.groupingBy(o -> o.items().size(), Collectors.counting()));
    assertThat(byLineCount.keySet()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
    // Most baskets are small: one to three lines in about three orders of four.
    long small =
        byLineCount.entrySet().stream()
            .filter(e -> e.getKey() <= 3)
            .mapToLong(Map.Entry::getValue)
            .sum();
    assertThat(small / 5000.0).isBetween(0.7, 0.8);
    FactoryRestaurants restaurants = new FactoryRestaurants(factory(3, 0));
    assertThat(orders).allMatch(o -> o.items().size() <= restaurants.menuSize(o.restaurantId()));
    List<Integer> quantities =
        orders.stream().flatMap(o -> o.items().stream()).map(OrderLine::quantity).toList();
    assertThat(quantities).allMatch(q -> q >= 1 && q <= 5);
    long oneOrTwo = quantities.stream().filter(q -> q <= 2).count();
    assertThat((double) oneOrTwo / quantities.size()).isGreaterThan(0.8);
    assertThat(orders)
        .allMatch(
            o ->
                o.items().stream().map(OrderLine::menuItemId).distinct().count()
                    == o.items().size());
    assertThat(orders.stream().map(Order::restaurantId).distinct().count()).isEqualTo(20);
    assertThat(orders.stream().map(Order::customerId).distinct().count()).isGreaterThan(900);
  }

  @Test
  void theInvalidRatioIsMetOverTenThousandOrders() {
    for (double ratio : new double[] {0.05, 0.1, 0.5}) {
      OrderFactory factory = factory(42, ratio);
      long invalid =
          java.util.stream.LongStream.rangeClosed(1, 10_000)
              .filter(n -> factory.kindOf(n).isPresent())
              .count();
      assertThat(invalid / 10_000.0).as("ratio %s", ratio).isCloseTo(ratio, within(0.015));
    }
  }

  @Test
  void invalidOrdersSpreadEvenlyOverTheDefaultKinds() {
    OrderFactory factory = factory(42, 0.5);
    Map<InvalidKind, Integer> counts = new EnumMap<>(InvalidKind.class);
    long invalid = 0;
    for (long n = 1; n <= 22_000; n++) {
      Optional<InvalidKind> kind = factory.kindOf(n);
      if (kind.isPresent()) {
        counts.merge(kind.get(), 1, Integer::sum);
        invalid++;
      }
    }
    assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(InvalidMix.DEFAULT.kinds());
    assertThat(invalid).isBetween(10_700L, 11_300L);
    counts.values().forEach(count -> assertThat(count).isBetween(850, 1150));
  }

  @Test
  void withARatioOfOneADuplicateHasNothingToCopyAndBecomesAnotherKind() {
    OrderFactory factory = factory(42, 1.0);
    Map<InvalidKind, Integer> counts = new EnumMap<>(InvalidKind.class);
    factory
        .generate(1, 2_000)
        .forEach(order -> counts.merge(order.invalidKind().orElseThrow(), 1, Integer::sum));
    assertThat(counts).doesNotContainKey(InvalidKind.DUPLICATE_ORDER_ID);
    assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(2_000);
    assertThat(counts).hasSize(InvalidKind.values().length - 1);
  }

  @Test
  void kindOfTellsWhatGenerateMakes() {
    OrderFactory factory = factory(9, 0.4);
    for (GeneratedOrder order : factory.generate(1, 1000).toList()) {
      assertThat(order.invalidKind()).isEqualTo(factory.kindOf(order.sequence()));
    }
  }

  @Test
  void ratiosZeroAndOneMakeAllValidOrAllInvalid() {
    assertThat(factory(5, 0.0).generate(1, 1000)).allMatch(GeneratedOrder::isValid);
    assertThat(factory(5, 1.0).generate(1, 1000)).noneMatch(GeneratedOrder::isValid);
  }

  @Test
  void theCatalogueIsTheOneOfTheSeed() {
    OrderFactory factory = factory(11, 0.1);
    assertThat(factory.catalog().restaurants())
        .isEqualTo(RestaurantCatalog.generate(11).restaurants());
    assertThat(factory.spec()).isEqualTo(GenerationSpec.of(11, 0.1));
  }

  private static List<String> values(OrderFactory factory, int count) {
    return factory.generate(1, count).map(GeneratedOrder::valueAsText).toList();
  }

  @Test
  void jsonOfAValidOrderHasExactDecimalPrices() {
    GeneratedOrder order = factory(42, 0).generate(1);
    String json = order.valueAsText();
    assertThat(json).containsPattern("\"unitPrice\":\\d+\\.\\d\\d[,}]");
    assertThat(Json.fromBytes(order.value(), Order.class)).isEqualTo(order.order().orElseThrow());
  }

  /** The menu sizes of a factory's catalogue. */
  private record FactoryRestaurants(OrderFactory factory) {
    int menuSize(String restaurantId) {
      return factory.catalog().find(restaurantId).orElseThrow().menu().size();
    }
  }
}
