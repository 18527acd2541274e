package dev.foodpipeline.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.catalog.RestaurantCatalog;
import dev.foodpipeline.model.rules.OrderValidator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderShapeTest {
  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static List<Order> orders(GenerationSpec spec, int count) {
    return new OrderFactory(spec, CLOCK)
        .generate(1, count)
        .map(g -> g.order().orElseThrow())
        .toList();
  }

  @Test
  void aShareOfOrdersGoesToTheHotRestaurant() {
    GenerationSpec spec =
        GenerationSpec.of(5, 0).withShape(OrderShape.EVEN.withHotRestaurant("r-007", 0.3));

    List<Order> orders = orders(spec, 10_000);

    double hot = orders.stream().filter(o -> o.restaurantId().equals("r-007")).count() / 10_000.0;
    // 30 % sent there, plus its even share of the other 70 %.
    assertThat(hot).isCloseTo(0.3 + 0.7 / 20, within(0.02));
    double other = orders.stream().filter(o -> o.restaurantId().equals("r-008")).count() / 10_000.0;
    assertThat(other).isCloseTo(0.7 / 20, within(0.01));
  }

  @Test
  void hotOrdersAreValidOrdersOfThatRestaurant() {
    GenerationSpec spec =
        GenerationSpec.of(5, 0).withShape(OrderShape.EVEN.withHotRestaurant("r-003", 1.0));
    OrderValidator validator = new OrderValidator();
    RestaurantCatalog catalog = RestaurantCatalog.generate(5);

    assertThat(orders(spec, 300))
        .allMatch(o -> o.restaurantId().equals("r-003"))
        .allMatch(o -> validator.validate(o, catalog.find("r-003").orElseThrow(), NOW).isEmpty());
  }

  @Test
  void lateOrdersAreDatedBackByUpToTheMaximumAndStayValid() {
    Duration max = Duration.ofHours(2);
    GenerationSpec spec =
        GenerationSpec.of(5, 0).withShape(OrderShape.EVEN.withLateness(0.25, max));
    OrderFactory factory = new OrderFactory(spec, CLOCK);
    OrderValidator validator = new OrderValidator();

    List<Order> orders = factory.generate(1, 4000).map(g -> g.order().orElseThrow()).toList();

    long late = orders.stream().filter(o -> o.createdAt().isBefore(NOW)).count();
    assertThat(late / 4000.0).isCloseTo(0.25, within(0.03));
    assertThat(orders)
        .allMatch(o -> !o.createdAt().isBefore(NOW.minus(max)) && !o.createdAt().isAfter(NOW));
    assertThat(orders)
        .allMatch(
            o ->
                validator
                    .validate(o, factory.catalog().find(o.restaurantId()).orElseThrow(), NOW)
                    .isEmpty());
    for (long sequence = 1; sequence <= 200; sequence++) {
      Order order = orders.get((int) sequence - 1);
      assertThat(factory.latenessOf(sequence)).isEqualTo(Duration.between(order.createdAt(), NOW));
    }
  }

  @Test
  void theShapeChangesNothingElseOfAnOrder() {
    GenerationSpec even = GenerationSpec.of(5, 0.2);
    GenerationSpec late = even.withShape(OrderShape.EVEN.withLateness(1.0, Duration.ofMinutes(5)));
    OrderFactory a = new OrderFactory(even, CLOCK);
    OrderFactory b = new OrderFactory(late, CLOCK);

    for (long sequence = 1; sequence <= 300; sequence++) {
      assertThat(b.kindOf(sequence)).isEqualTo(a.kindOf(sequence));
      if (a.kindOf(sequence).isEmpty()) {
        Order x = a.generate(sequence).order().orElseThrow();
        Order y = b.generate(sequence).order().orElseThrow();
        assertThat(y.items()).isEqualTo(x.items());
        assertThat(y.customerId()).isEqualTo(x.customerId());
        assertThat(y.createdAt()).isBefore(x.createdAt());
      }
    }
  }

  @Test
  void anOrderIsStillAFunctionOfSeedAndSequence() {
    GenerationSpec spec =
        GenerationSpec.of(11, 0.3)
            .withShape(new OrderShape(0.4, "r-002", 0.3, Duration.ofMinutes(30)));
    OrderFactory one = new OrderFactory(spec, CLOCK);
    OrderFactory two = new OrderFactory(spec, CLOCK);

    for (long sequence = 500; sequence >= 1; sequence -= 7) {
      assertThat(two.generate(sequence)).isEqualTo(one.generate(sequence));
    }
  }

  @Test
  void theCatalogueSeedIsIndependentOfTheOrderSeed() {
    GenerationSpec spec = GenerationSpec.of(7, 0).withCatalogSeed(1);
    OrderFactory factory = new OrderFactory(spec, CLOCK);
    RestaurantCatalog catalog = RestaurantCatalog.generate(1);
    OrderValidator validator = new OrderValidator();

    assertThat(factory.catalog().restaurants()).isEqualTo(catalog.restaurants());
    assertThat(factory.generate(1).key()).isEqualTo("o-7-00000001");
    assertThat(factory.generate(1, 300).map(g -> g.order().orElseThrow()))
        .allMatch(
            o ->
                validator.validate(o, catalog.find(o.restaurantId()).orElseThrow(), NOW).isEmpty());
  }

  @Test
  void badShapesAreRefusedNamingTheFlag() {
    assertThatThrownBy(() -> OrderShape.EVEN.withHotRestaurant("r-001", 1.5))
        .hasMessageStartingWith("--hot-restaurant-ratio");
    assertThatThrownBy(() -> OrderShape.EVEN.withLateness(-0.1, Duration.ofMinutes(1)))
        .hasMessageStartingWith("--late-ratio");
    assertThatThrownBy(() -> OrderShape.EVEN.withLateness(0.1, Duration.ofDays(7)))
        .hasMessageStartingWith("--max-lateness");
    assertThatThrownBy(() -> OrderShape.EVEN.withLateness(0.1, Duration.ZERO))
        .hasMessageStartingWith("--max-lateness");
    GenerationSpec unknown =
        GenerationSpec.of(1, 0).withShape(OrderShape.EVEN.withHotRestaurant("r-021", 0.1));
    assertThatThrownBy(() -> new OrderFactory(unknown, CLOCK))
        .hasMessage("--hot-restaurant r-021 is not in the catalogue (r-001 to r-020)");
  }
}
