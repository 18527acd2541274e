package dev.foodpipeline.streams.topology;

import static dev.foodpipeline.streams.topology.OrderFixtures.CREATED;
import static dev.foodpipeline.streams.topology.OrderFixtures.NOW;
import static dev.foodpipeline.streams.topology.OrderFixtures.TEST_KITCHEN;
import static dev.foodpipeline.streams.topology.OrderFixtures.editedJson;
import static dev.foodpipeline.streams.topology.OrderFixtures.firstLine;
import static dev.foodpipeline.streams.topology.OrderFixtures.json;
import static dev.foodpipeline.streams.topology.OrderFixtures.lemonades;
import static dev.foodpipeline.streams.topology.OrderFixtures.line;
import static dev.foodpipeline.streams.topology.OrderFixtures.order;
import static dev.foodpipeline.streams.topology.OrderFixtures.testKitchenOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.model.OrderItemKey;
import dev.foodpipeline.model.OrderKey;
import dev.foodpipeline.model.ProcessedItem;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.RejectedOrder;
import dev.foodpipeline.model.RejectionKey;
import dev.foodpipeline.model.Restaurant;
import dev.foodpipeline.model.rules.Pricing;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderTopologyTest {
  @TempDir Path stateDir;
  private PipelineDriver pipeline;

  @BeforeEach
  void startDriver() {
    pipeline = new PipelineDriver(stateDir);
  }

  @AfterEach
  void closeDriver() {
    pipeline.close();
  }

  @Test
  void validOrderIsPricedAndEnrichedWithExactArithmetic() {
    pipeline.orders.pipeInput(
        "o-1",
        json(testKitchenOrder("o-1", line("r-900-m01", 2, "12.50"), line("r-900-m02", 1, "7.99"))));

    List<KeyValue<OrderKey, ProcessedOrder>> processed = pipeline.processed.readKeyValuesToList();
    assertThat(processed).hasSize(1);
    assertThat(processed.get(0).key).isEqualTo(new OrderKey("o-1"));
    ProcessedOrder order = processed.get(0).value;
    assertThat(order.orderId()).isEqualTo("o-1");
    assertThat(order.customerId()).isEqualTo("c-1");
    assertThat(order.restaurantId()).isEqualTo("r-900");
    assertThat(order.restaurantName()).isEqualTo("Test Kitchen");
    assertThat(order.cuisine()).isEqualTo("Testing");
    assertThat(order.city()).isEqualTo("Lisbon");
    assertThat(order.itemCount()).isEqualTo(3);
    assertThat(order.subtotal()).isEqualTo(new BigDecimal("32.99"));
    assertThat(order.tax()).isEqualTo(new BigDecimal("2.64")); // 32.99 × 0.08 = 2.6392
    assertThat(order.deliveryFee()).isEqualTo(new BigDecimal("2.99"));
    assertThat(order.total()).isEqualTo(new BigDecimal("38.62"));
    assertThat(order.deliveryStreet()).isEqualTo("Rua Augusta 10");
    assertThat(order.deliveryCity()).isEqualTo("Lisbon");
    assertThat(order.deliveryPostalCode()).isEqualTo("1100-053");
    assertThat(order.createdAt()).isEqualTo(CREATED);
    assertThat(order.estimatedReadyAt()).isEqualTo(CREATED.plus(Duration.ofMinutes(20 + 3)));
    assertThat(order.processedAt()).isEqualTo(NOW);
    assertThat(order.sourcePartition()).isZero();
    assertThat(order.sourceOffset()).isZero();
    assertThat(pipeline.rejected.isEmpty()).isTrue();
  }

  @Test
  void validOrderWritesOneItemPerLineKeyedByOrderAndLineNumber() {
    pipeline.orders.pipeInput("o-0", json(testKitchenOrder("o-0", line("r-900-m04", 1, "2.49"))));
    pipeline.orders.pipeInput(
        "o-1",
        json(testKitchenOrder("o-1", line("r-900-m01", 2, "12.50"), line("r-900-m02", 1, "7.99"))));

    List<KeyValue<OrderItemKey, ProcessedItem>> items = pipeline.items.readKeyValuesToList();

    assertThat(items)
        .containsExactly(
            KeyValue.pair(
                new OrderItemKey("o-0", 1),
                new ProcessedItem(
                    "o-0",
                    1,
                    "r-900-m04",
                    "Bread",
                    1,
                    new BigDecimal("2.49"),
                    new BigDecimal("2.49"))),
            KeyValue.pair(
                new OrderItemKey("o-1", 1),
                new ProcessedItem(
                    "o-1",
                    1,
                    "r-900-m01",
                    "Margherita",
                    2,
                    new BigDecimal("12.50"),
                    new BigDecimal("25.00"))),
            KeyValue.pair(
                new OrderItemKey("o-1", 2),
                new ProcessedItem(
                    "o-1",
                    2,
                    "r-900-m02",
                    "Tiramisu",
                    1,
                    new BigDecimal("7.99"),
                    new BigDecimal("7.99"))));
    assertThat(pipeline.processed.readValuesToList())
        .extracting(ProcessedOrder::orderId, ProcessedOrder::sourceOffset)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("o-0", 0L),
            org.assertj.core.groups.Tuple.tuple("o-1", 1L));
  }

  @Test
  void deliveryIsFreeFromFortyAndChargedJustBelow() {
    pipeline.orders.pipeInput(
        "free",
        json(
            testKitchenOrder("free", line("r-900-m01", 2, "12.50"), line("r-900-m03", 2, "7.50"))));
    pipeline.orders.pipeInput(
        "paid",
        json(
            testKitchenOrder("paid", line("r-900-m01", 3, "12.50"), line("r-900-m04", 1, "2.49"))));

    List<ProcessedOrder> orders = pipeline.processed.readValuesToList();

    assertThat(orders).hasSize(2);
    ProcessedOrder free = orders.get(0);
    assertThat(free.subtotal()).isEqualTo(new BigDecimal("40.00"));
    assertThat(free.deliveryFee()).isEqualTo(new BigDecimal("0.00"));
    assertThat(free.tax()).isEqualTo(new BigDecimal("3.20"));
    assertThat(free.total()).isEqualTo(new BigDecimal("43.20"));
    ProcessedOrder paid = orders.get(1);
    assertThat(paid.subtotal()).isEqualTo(new BigDecimal("39.99"));
    assertThat(paid.deliveryFee()).isEqualTo(new BigDecimal("2.99"));
    assertThat(paid.tax()).isEqualTo(new BigDecimal("3.20")); // 3.1992
    assertThat(paid.total()).isEqualTo(new BigDecimal("46.18"));
    assertThat(paid.estimatedReadyAt()).isEqualTo(CREATED.plus(Duration.ofMinutes(20 + 4)));
  }

  @Test
  void ordersAtEveryLimitAreAccepted() {
    pipeline.orders.pipeInput("q20", json(testKitchenOrder("q20", line("r-900-m04", 20, "2.49"))));
    pipeline.orders.pipeInput("l50", json(order("l50", "r-900", lemonades(50))));
    pipeline.orders.pipeInput(
        "old",
        json(
            testKitchenOrder("old", line("r-900-m04", 1, "2.49"))
                .withCreatedAt(NOW.minus(Duration.ofDays(7)))));
    pipeline.orders.pipeInput(
        "ahead",
        json(
            testKitchenOrder("ahead", line("r-900-m04", 1, "2.49"))
                .withCreatedAt(NOW.plus(Duration.ofMinutes(5)))));

    assertThat(pipeline.rejected.readValuesToList()).isEmpty();
    assertThat(pipeline.processed.readValuesToList())
        .extracting(ProcessedOrder::orderId)
        .containsExactly("q20", "l50", "old", "ahead");
    assertThat(pipeline.items.getQueueSize()).isEqualTo(1 + 50 + 1 + 1);
  }

  @Test
  void catalogueRestaurantsFromTheSeededCatalogueAreJoined() {
    for (Restaurant restaurant : PipelineDriver.CATALOG.restaurants()) {
      pipeline.orders.pipeInput(
          restaurant.restaurantId() + "-o",
          json(OrderFixtures.validOrder(restaurant, restaurant.restaurantId() + "-o")));
    }

    List<ProcessedOrder> orders = pipeline.processed.readValuesToList();

    assertThat(orders).hasSize(PipelineDriver.CATALOG.size());
    assertThat(orders)
        .allSatisfy(
            order -> {
              Restaurant restaurant =
                  PipelineDriver.CATALOG.find(order.restaurantId()).orElseThrow();
              assertThat(order.restaurantName()).isEqualTo(restaurant.name());
              assertThat(order.itemCount()).isEqualTo(3);
              assertThat(order.subtotal())
                  .isEqualTo(
                      restaurant
                          .menu()
                          .get(0)
                          .price()
                          .add(restaurant.menu().get(1).price().multiply(BigDecimal.valueOf(2)))
                          .setScale(2));
            });
    assertThat(pipeline.rejected.isEmpty()).isTrue();
  }

  /** A rejection case: input key and bytes, and what the one rejected record must say. */
  record Case(
      String name,
      String key,
      byte[] value,
      ReasonCode code,
      String reasonFragment,
      String orderId) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> rejections() {
    var valid = testKitchenOrder("o-7", line("r-900-m01", 1, "12.50"));
    byte[] oversized = new byte[64 * 1024 + 1];
    java.util.Arrays.fill(oversized, (byte) ' ');
    oversized[0] = '{';
    oversized[oversized.length - 1] = '}';
    return Stream.of(
            new Case(
                "malformed JSON",
                "o-7",
                "{\"orderId\": \"o-7\",".getBytes(StandardCharsets.UTF_8),
                ReasonCode.MALFORMED_JSON,
                "not valid JSON",
                "o-7"),
            new Case(
                "non-UTF-8 bytes",
                "o-7",
                new byte[] {(byte) 0xC3, (byte) 0x28, '{', '}'},
                ReasonCode.MALFORMED_JSON,
                "not valid UTF-8",
                "o-7"),
            new Case(
                "empty value", "o-7", new byte[0], ReasonCode.MALFORMED_JSON, "no value", "o-7"),
            new Case("null value", "o-7", null, ReasonCode.MALFORMED_JSON, "no value", "o-7"),
            new Case(
                "null value and null key", null, null, ReasonCode.MALFORMED_JSON, "no value", null),
            new Case(
                "JSON array instead of object",
                "o-7",
                "[1, 2]".getBytes(StandardCharsets.UTF_8),
                ReasonCode.SCHEMA_VIOLATION,
                "must be a JSON object, not an array",
                "o-7"),
            new Case(
                "missing field",
                "k-7",
                editedJson(valid, tree -> tree.remove("customerId")),
                ReasonCode.SCHEMA_VIOLATION,
                "missing field customerId",
                "o-7"),
            new Case(
                "wrongly typed quantity",
                "o-7",
                editedJson(valid, tree -> firstLine(tree).put("quantity", "two")),
                ReasonCode.SCHEMA_VIOLATION,
                "items[0].quantity must be an integer",
                "o-7"),
            new Case(
                "unknown restaurant",
                "o-7",
                json(order("o-7", "r-999", valid.items())),
                ReasonCode.UNKNOWN_RESTAURANT,
                "restaurant r-999",
                "o-7"),
            new Case(
                "unknown menu item",
                "o-7",
                json(testKitchenOrder("o-7", line("r-900-m99", 1, "12.50"))),
                ReasonCode.UNKNOWN_MENU_ITEM,
                "menu item r-900-m99",
                "o-7"),
            new Case(
                "price mismatch",
                "o-7",
                json(testKitchenOrder("o-7", line("r-900-m01", 1, "11.50"))),
                ReasonCode.PRICE_MISMATCH,
                "unit price 11.50",
                "o-7"),
            new Case(
                "quantity 0",
                "o-7",
                json(testKitchenOrder("o-7", line("r-900-m01", 0, "12.50"))),
                ReasonCode.BAD_QUANTITY,
                "quantity 0",
                "o-7"),
            new Case(
                "quantity 21",
                "o-7",
                json(testKitchenOrder("o-7", line("r-900-m01", 21, "12.50"))),
                ReasonCode.BAD_QUANTITY,
                "quantity 21",
                "o-7"),
            new Case(
                "empty order",
                "o-7",
                json(order("o-7", "r-900", List.of())),
                ReasonCode.EMPTY_ORDER,
                "no items",
                "o-7"),
            new Case(
                "more than 50 lines",
                "o-7",
                json(order("o-7", "r-900", lemonades(51))),
                ReasonCode.OVERSIZED_ORDER,
                "51 lines",
                "o-7"),
            new Case(
                "more than 64 KiB",
                "o-7",
                oversized,
                ReasonCode.OVERSIZED_ORDER,
                "65537 bytes",
                "o-7"),
            new Case(
                "created too long ago",
                "o-7",
                json(valid.withCreatedAt(NOW.minus(Duration.ofDays(7)).minusSeconds(1))),
                ReasonCode.TIMESTAMP_OUT_OF_RANGE,
                "before the processing time",
                "o-7"),
            new Case(
                "created too far ahead",
                "o-7",
                json(valid.withCreatedAt(NOW.plus(Duration.ofMinutes(5)).plusSeconds(1))),
                ReasonCode.TIMESTAMP_OUT_OF_RANGE,
                "after the processing time",
                "o-7"))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejections")
  void everyRuleRejectsWithItsCodeRawTextAndPosition(Case input) {
    pipeline.orders.pipeInput(
        "warm-up", json(testKitchenOrder("warm-up", line("r-900-m04", 1, "2.49"))));
    pipeline.orders.pipeInput(input.key(), input.value());

    List<KeyValue<RejectionKey, RejectedOrder>> rejected = pipeline.rejected.readKeyValuesToList();

    assertThat(rejected).hasSize(1);
    assertThat(rejected.get(0).key).isEqualTo(new RejectionKey("food-orders", 0, 1L));
    RejectedOrder rejection = rejected.get(0).value;
    assertThat(rejection.reasonCode()).isEqualTo(input.code());
    assertThat(rejection.reason()).contains(input.reasonFragment());
    assertThat(rejection.orderId()).isEqualTo(input.orderId());
    assertThat(rejection.sourceTopic()).isEqualTo("food-orders");
    assertThat(rejection.sourcePartition()).isZero();
    assertThat(rejection.sourceOffset()).isEqualTo(1L);
    assertThat(rejection.rejectedAt()).isEqualTo(NOW);
    assertThat(rejection.raw())
        .isEqualTo(Rejections.boundedRaw(input.value(), TopologySettings.DEFAULT_MAX_RAW_CHARS));
    assertThat(pipeline.processed.readValuesToList())
        .extracting(ProcessedOrder::orderId)
        .containsExactly("warm-up");
    assertThat(pipeline.items.readValuesToList())
        .extracting(ProcessedItem::orderId)
        .containsExactly("warm-up");
  }

  @Test
  void rawTextIsKeptAsTextOrBase64() {
    String text = "{\"orderId\": \"o-1\", broken";
    pipeline.orders.pipeInput("o-1", text.getBytes(StandardCharsets.UTF_8));
    pipeline.orders.pipeInput("o-2", new byte[] {(byte) 0xC3, (byte) 0x28});

    List<RejectedOrder> rejected = pipeline.rejected.readValuesToList();

    assertThat(rejected).extracting(RejectedOrder::raw).containsExactly(text, "base64:wyg=");
  }

  @Test
  void oversizedRecordKeepsACutRawTextThatSaysHowLargeItWas() {
    byte[] huge = "x".repeat(200_000).getBytes(StandardCharsets.UTF_8);
    pipeline.orders.pipeInput("o-1", huge);

    RejectedOrder rejection = pipeline.rejected.readValue();

    assertThat(rejection.reasonCode()).isEqualTo(ReasonCode.OVERSIZED_ORDER);
    assertThat(rejection.raw()).startsWith("xxxx").endsWith("…[cut: 200000 bytes in all]");
    assertThat(rejection.raw())
        .hasSize(TopologySettings.DEFAULT_MAX_RAW_CHARS + "…[cut: 200000 bytes in all]".length());
  }

  @Test
  void unexpectedExceptionBecomesProcessingErrorAndTheNextOrderStillFlows() {
    pipeline.close();
    Pricing broken = new Pricing(null, new BigDecimal("2.99"), new BigDecimal("40.00"));
    pipeline =
        new PipelineDriver(
            stateDir,
            TopologySettings.withClock(Clock.fixed(NOW, ZoneOffset.UTC)).withPricing(broken));

    pipeline.orders.pipeInput("o-1", json(testKitchenOrder("o-1", line("r-900-m01", 1, "12.50"))));
    pipeline.orders.pipeInput("o-2", "not json".getBytes(StandardCharsets.UTF_8));

    List<RejectedOrder> rejected = pipeline.rejected.readValuesToList();
    assertThat(rejected).hasSize(2);
    assertThat(rejected.get(0).reasonCode()).isEqualTo(ReasonCode.PROCESSING_ERROR);
    assertThat(rejected.get(0).reason()).contains("NullPointerException");
    assertThat(rejected.get(0).orderId()).isEqualTo("o-1");
    assertThat(rejected.get(0).sourceOffset()).isZero();
    assertThat(rejected.get(0).raw()).contains("\"orderId\":\"o-1\"");
    assertThat(rejected.get(1).reasonCode()).isEqualTo(ReasonCode.MALFORMED_JSON);
    assertThat(pipeline.processed.isEmpty()).isTrue();
  }

  @Test
  void corruptRestaurantRecordMeansUnknownRestaurantAndBreaksNothing() {
    Restaurant corrupted = PipelineDriver.CATALOG.get(2);
    Restaurant intact = PipelineDriver.CATALOG.get(0);
    pipeline.rawRestaurants.pipeInput(
        corrupted.restaurantId(), "{not a restaurant".getBytes(StandardCharsets.UTF_8));
    pipeline.rawRestaurants.pipeInput("r-777", new byte[] {(byte) 0xFF, 0, 1});
    pipeline.rawRestaurants.pipeInput(
        "r-778", "{\"restaurantId\": \"r-778\"}".getBytes(StandardCharsets.UTF_8));

    pipeline.orders.pipeInput("o-1", json(OrderFixtures.validOrder(corrupted, "o-1")));
    pipeline.orders.pipeInput("o-2", json(OrderFixtures.validOrder(intact, "o-2")));

    assertThat(pipeline.rejected.readValuesToList())
        .extracting(RejectedOrder::orderId, RejectedOrder::reasonCode)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("o-1", ReasonCode.UNKNOWN_RESTAURANT));
    assertThat(pipeline.processed.readValuesToList())
        .extracting(ProcessedOrder::orderId)
        .containsExactly("o-2");

    pipeline.publish(corrupted);
    pipeline.orders.pipeInput("o-3", json(OrderFixtures.validOrder(corrupted, "o-3")));
    assertThat(pipeline.processed.readValuesToList())
        .extracting(ProcessedOrder::orderId)
        .containsExactly("o-3");
  }

  @Test
  void restaurantUpdatesAndDeletionsApplyToLaterOrders() {
    Restaurant repriced =
        new Restaurant(
            TEST_KITCHEN.restaurantId(),
            TEST_KITCHEN.name(),
            TEST_KITCHEN.cuisine(),
            TEST_KITCHEN.city(),
            30,
            List.of(
                new dev.foodpipeline.model.MenuItem(
                    "r-900-m01", "Margherita", new BigDecimal("13.00"))));
    pipeline.publish(repriced);
    pipeline.orders.pipeInput("o-1", json(testKitchenOrder("o-1", line("r-900-m01", 1, "13.00"))));
    pipeline.restaurants.pipeInput(TEST_KITCHEN.restaurantId(), null);
    pipeline.orders.pipeInput("o-2", json(testKitchenOrder("o-2", line("r-900-m01", 1, "13.00"))));

    ProcessedOrder processed = pipeline.processed.readValue();
    assertThat(processed.orderId()).isEqualTo("o-1");
    assertThat(processed.estimatedReadyAt()).isEqualTo(CREATED.plus(Duration.ofMinutes(31)));
    assertThat(pipeline.rejected.readValue().reasonCode()).isEqualTo(ReasonCode.UNKNOWN_RESTAURANT);
  }
}
