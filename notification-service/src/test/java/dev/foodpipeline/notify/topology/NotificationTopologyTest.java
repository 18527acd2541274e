package dev.foodpipeline.notify.topology;

import static dev.foodpipeline.notify.topology.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.model.Notification;
import dev.foodpipeline.model.NotificationType;
import dev.foodpipeline.model.OrderKey;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.RejectedOrder;
import dev.foodpipeline.model.RejectionKey;
import dev.foodpipeline.model.Restaurant;
import dev.foodpipeline.model.topics.Topic;
import dev.foodpipeline.model.topics.Topics;
import dev.foodpipeline.notify.NotifySettings;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotificationTopologyTest {
  @TempDir Path stateDir;

  private final Counters counters = new Counters();
  private TopologyTestDriver driver;
  private TestInputTopic<OrderKey, ProcessedOrder> processed;
  private TestInputTopic<byte[], byte[]> rawProcessed;
  private TestInputTopic<RejectionKey, RejectedOrder> rejected;
  private TestInputTopic<byte[], byte[]> rawRejected;
  private TestOutputTopic<String, Notification> notifications;
  private TestOutputTopic<RejectionKey, RejectedOrder> rejections;

  @BeforeEach
  void start() {
    NotifySettings settings =
        NotifySettings.builder()
            .flag("--state-dir", stateDir)
            .flag("--kitchen-cooks", 4)
            .flag("--kitchen-window-ms", Duration.ofMinutes(5).toMillis())
            .build();
    driver =
        new TopologyTestDriver(
            NotificationTopology.build(settings.kitchen(), settings.commitAfterRecords(), counters),
            settings.streamsProperties(),
            NOW);
    processed = input(Topics.FOOD_ORDERS_PROCESSED);
    rejected = input(Topics.FOOD_ORDERS_REJECTED);
    rawProcessed =
        driver.createInputTopic(
            Topics.FOOD_ORDERS_PROCESSED.name(),
            new ByteArraySerializer(),
            new ByteArraySerializer());
    rawRejected =
        driver.createInputTopic(
            Topics.FOOD_ORDERS_REJECTED.name(),
            new ByteArraySerializer(),
            new ByteArraySerializer());
    notifications =
        driver.createOutputTopic(
            Topics.ORDER_NOTIFICATIONS.name(),
            Topics.ORDER_NOTIFICATIONS.keySerde().deserializer(),
            Topics.ORDER_NOTIFICATIONS.valueSerde().deserializer());
    rejections =
        driver.createOutputTopic(
            Topics.FOOD_ORDERS_REJECTED.name(),
            Topics.FOOD_ORDERS_REJECTED.keySerde().deserializer(),
            Topics.FOOD_ORDERS_REJECTED.valueSerde().deserializer());
    TestInputTopic<String, Restaurant> restaurants = input(Topics.RESTAURANTS);
    restaurants.pipeInput(Fixtures.KITCHEN.restaurantId(), Fixtures.KITCHEN);
  }

  @AfterEach
  void close() {
    driver.close();
  }

  private <K, V> TestInputTopic<K, V> input(Topic<K, V> topic) {
    return driver.createInputTopic(
        topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  private void pipe(ProcessedOrder order, Instant recordTime) {
    processed.pipeInput(new TestRecord<>(new OrderKey(order.orderId()), order, recordTime));
  }

  @Test
  void anAcceptedOrderConfirmsItToItsCustomerWithRestaurantTotalAndReadyTime() {
    ProcessedOrder order = Fixtures.order("o-1", "c-42", NOW.minusSeconds(2));
    pipe(order, NOW.plusSeconds(1));

    TestRecord<String, Notification> record = notifications.readRecord();
    assertThat(record.key()).isEqualTo("c-42");
    Notification n = record.value();
    assertThat(n.notificationId()).isEqualTo("order-confirmed:o-1");
    assertThat(n.type()).isEqualTo(NotificationType.ORDER_CONFIRMED);
    assertThat(n.customerId()).isEqualTo("c-42");
    assertThat(n.restaurantId()).isEqualTo("r-001");
    assertThat(n.orderId()).isEqualTo("o-1");
    assertThat(n.total()).isEqualByComparingTo(new BigDecimal("25.87"));
    assertThat(n.estimatedReadyAt()).isEqualTo(order.estimatedReadyAt());
    assertThat(n.message())
        .isEqualTo(
            "Golden Thai Kitchen 1 has accepted your order o-1: total 25.87, ready at about"
                + " 12:14 UTC.");
    assertThat(n.eventAt()).isEqualTo(order.createdAt());
    assertThat(n.notifiedAt()).isEqualTo(NOW.plusSeconds(1));
    assertThat(n.reasonCode()).isNull();
    assertThat(counters.snapshot()).containsEntry("orderConfirmed", 1L);
  }

  @Test
  void aRejectedOrderIsToldInTheCustomersWordsWithoutTheReasonOrTheRawText() {
    String raw =
        "{\"orderId\":\"o-9\",\"customerId\":\"c-7\",\"restaurantId\":\"r-001\",\"x\":\"secret\"}";
    RejectedOrder rejection = Fixtures.rejection(12, raw, ReasonCode.PRICE_MISMATCH);
    rejected.pipeInput(RejectionKey.of(rejection), rejection, NOW.plusSeconds(3));

    TestRecord<String, Notification> record = notifications.readRecord();
    assertThat(record.key()).isEqualTo("c-7");
    Notification n = record.value();
    assertThat(n.notificationId()).isEqualTo("order-rejected:food-orders-2-12");
    assertThat(n.type()).isEqualTo(NotificationType.ORDER_REJECTED);
    assertThat(n.customerId()).isEqualTo("c-7");
    assertThat(n.restaurantId()).isEqualTo("r-001");
    assertThat(n.orderId()).isEqualTo("o-9");
    assertThat(n.reasonCode()).isEqualTo("PRICE_MISMATCH");
    assertThat(n.message())
        .isEqualTo(
            "Your order o-9 was not accepted: the price of an item has changed. Please check the"
                + " prices and order again.")
        .doesNotContain("secret", "r-001-m77", "raw text", "0.01");
    assertThat(n.eventAt()).isEqualTo(NOW);
    assertThat(n.notifiedAt()).isEqualTo(NOW.plusSeconds(3));
    assertThat(n.total()).isNull();
  }

  @Test
  void everyReasonCodeHasWordsThatQuoteNothing() {
    for (ReasonCode code : ReasonCode.values()) {
      assertThat(Messages.rejected("o-1", code))
          .startsWith("Your order o-1 was not accepted: ")
          .doesNotContain(code.name());
    }
    assertThat(Messages.rejected(null, ReasonCode.EMPTY_ORDER))
        .isEqualTo("Your order was not accepted: it had no items in it.");
  }

  @Test
  void aRejectionWithoutACustomerNotifiesNobodyAndIsCounted() {
    RejectedOrder notJson = Fixtures.rejection(1, "{not json", ReasonCode.MALFORMED_JSON);
    RejectedOrder noCustomer =
        Fixtures.rejection(2, "{\"orderId\":\"o-1\"}", ReasonCode.SCHEMA_VIOLATION);
    rejected.pipeInput(RejectionKey.of(notJson), notJson, NOW);
    rejected.pipeInput(RejectionKey.of(noCustomer), noCustomer, NOW);

    assertThat(notifications.isEmpty()).isTrue();
    assertThat(counters.rejectionsWithoutCustomer()).isEqualTo(2);
  }

  @Test
  void aRecordOnTheRejectedTopicThatIsNoRejectionIsSkippedAndTheNextIsTold() {
    rawRejected.pipeInput(new byte[] {1}, "garbage".getBytes(StandardCharsets.UTF_8), NOW);
    rawRejected.pipeInput(new byte[] {1}, null, NOW);
    RejectedOrder good =
        Fixtures.rejection(5, "{\"customerId\":\"c-1\"}", ReasonCode.DUPLICATE_ORDER);
    rejected.pipeInput(RejectionKey.of(good), good, NOW);

    assertThat(notifications.readValuesToList())
        .extracting(Notification::notificationId)
        .containsExactly("order-rejected:food-orders-2-5");
    assertThat(counters.malformedRejections()).isEqualTo(2);
  }

  @Test
  void aMalformedProcessedRecordBecomesARejectionAndTheNextGoodRecordIsStillConfirmed() {
    rawProcessed.pipeInput(new byte[] {1}, "not json at all".getBytes(StandardCharsets.UTF_8), NOW);
    rawProcessed.pipeInput(
        new byte[] {1},
        "{\"orderId\":\"o-2\",\"customerId\":\"c-1\"}".getBytes(StandardCharsets.UTF_8),
        NOW);
    rawProcessed.pipeInput(
        new byte[] {1}, "[\"an\", \"array\"]".getBytes(StandardCharsets.UTF_8), NOW);
    rawProcessed.pipeInput(new byte[] {1}, null, NOW);
    pipe(Fixtures.order("o-3", "c-3", NOW), NOW);

    List<RejectedOrder> written = rejections.readValuesToList();
    assertThat(written)
        .extracting(
            RejectedOrder::sourceTopic,
            RejectedOrder::sourcePartition,
            RejectedOrder::sourceOffset,
            RejectedOrder::reasonCode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "food-orders-processed", 0, 0L, ReasonCode.MALFORMED_JSON),
            org.assertj.core.groups.Tuple.tuple(
                "food-orders-processed", 0, 1L, ReasonCode.SCHEMA_VIOLATION),
            org.assertj.core.groups.Tuple.tuple(
                "food-orders-processed", 0, 2L, ReasonCode.SCHEMA_VIOLATION),
            org.assertj.core.groups.Tuple.tuple(
                "food-orders-processed", 0, 3L, ReasonCode.MALFORMED_JSON));
    assertThat(written.get(0).raw()).isEqualTo("not json at all");
    assertThat(written.get(0).reason()).startsWith("not JSON: ");
    assertThat(written.get(0).rejectedAt()).isEqualTo(NOW);
    assertThat(written.get(1).reason()).isEqualTo("not a processed order: order_id is missing");
    assertThat(written.get(1).orderId()).isNull();
    assertThat(written.get(2).reason())
        .isEqualTo("not a JSON object: a processed order is expected");
    assertThat(written.get(3).raw()).isNull();
    assertThat(notifications.readValuesToList())
        .extracting(Notification::notificationId)
        .containsExactly("order-confirmed:o-3");
    assertThat(counters.malformedProcessed()).isEqualTo(4);
    // The rejections came back on food-orders-rejected: of food-orders-processed, nobody to tell.
    assertThat(counters.rejectionsWithoutCustomer()).isEqualTo(4);
  }

  @Test
  void aProcessedOrderWithAMissingOrInvalidFieldIsRejectedNamingIt() throws Exception {
    ProcessedOrder good = Fixtures.order("o-4", "c-4", NOW);
    ProcessedOrder badCustomer = Fixtures.order("o-5", "c 5", NOW);
    com.fasterxml.jackson.databind.node.ObjectNode noName =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            dev.foodpipeline.model.json.Json.mapper()
                .readTree(
                    Topics.FOOD_ORDERS_PROCESSED
                        .valueSerde()
                        .serializer()
                        .serialize("t", Fixtures.order("o-6", "c-6", NOW)));
    noName.remove("restaurant_name");
    pipe(badCustomer, NOW);
    rawProcessed.pipeInput(new byte[] {1}, dev.foodpipeline.model.json.Json.toBytes(noName), NOW);
    pipe(good, NOW);

    List<RejectedOrder> written = rejections.readValuesToList();
    assertThat(written)
        .extracting(RejectedOrder::orderId, RejectedOrder::reasonCode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("o-5", ReasonCode.INVALID_VALUE),
            org.assertj.core.groups.Tuple.tuple("o-6", ReasonCode.SCHEMA_VIOLATION));
    assertThat(written.get(0).reason())
        .isEqualTo(
            "customerId \"c 5\" holds a character outside A-Z a-z 0-9 - _ . : (ids are 1 to 64 of"
                + " those)");
    assertThat(written.get(1).reason())
        .isEqualTo("not a processed order: restaurant_name is missing");
    assertThat(notifications.readValuesToList())
        .extracting(Notification::notificationId)
        .containsExactly("order-confirmed:o-4");
  }

  @Test
  void aKitchenOverTheCapacityOfItsWindowIsOverloadedAndOkWhenOrdersLeaveTheWindow() {
    // prepMinutes 10, 4 cooks, 5 minutes: capacity 2.
    pipe(Fixtures.order("o-1", "c-1", NOW), NOW);
    pipe(Fixtures.order("o-2", "c-2", NOW.plusSeconds(60)), NOW.plusSeconds(60));
    assertThat(kitchen()).isEmpty();
    pipe(Fixtures.order("o-3", "c-3", NOW.plusSeconds(120)), NOW.plusSeconds(120));
    pipe(Fixtures.order("o-4", "c-4", NOW.plusSeconds(130)), NOW.plusSeconds(130));

    List<TestRecord<String, Notification>> overloaded = kitchen();
    assertThat(overloaded).hasSize(1);
    assertThat(overloaded.get(0).key()).isEqualTo("r-001");
    Notification n = overloaded.get(0).value();
    assertThat(n.notificationId()).isEqualTo("kitchen-overloaded:r-001:o-3");
    assertThat(n.type()).isEqualTo(NotificationType.KITCHEN_OVERLOADED);
    assertThat(n.restaurantId()).isEqualTo("r-001");
    assertThat(n.customerId()).isNull();
    assertThat(n.ordersInWindow()).isEqualTo(3);
    assertThat(n.capacity()).isEqualTo(2);
    assertThat(n.eventAt()).isEqualTo(NOW.plusSeconds(120));
    assertThat(n.message())
        .isEqualTo("Your kitchen has 3 orders in the last 5 minutes, more than the 2 it can take.");

    // No new order: the wall-clock check moves the window on; from 12:06:00 o-1 and o-2 are out.
    driver.advanceWallClockTime(Duration.ofSeconds(359));
    assertThat(kitchen()).isEmpty();
    driver.advanceWallClockTime(Duration.ofSeconds(2));
    List<TestRecord<String, Notification>> ok = kitchen();
    assertThat(ok).hasSize(1);
    assertThat(ok.get(0).value().notificationId()).isEqualTo("kitchen-ok:r-001:o-3");
    assertThat(ok.get(0).value().type()).isEqualTo(NotificationType.KITCHEN_OK);
    assertThat(ok.get(0).value().ordersInWindow()).isEqualTo(2);
    assertThat(ok.get(0).value().message())
        .isEqualTo("Your kitchen is back within capacity: 2 orders in the last 5 minutes, of 2.");
    assertThat(counters.snapshot())
        .containsEntry("kitchenOverloaded", 1L)
        .containsEntry("kitchenOk", 1L);
  }

  @Test
  void anOverloadEndsOnTheEventTimeOfALaterOrderToo() {
    for (int i = 1; i <= 3; i++) {
      pipe(Fixtures.order("o-" + i, "c-" + i, NOW.plusSeconds(i)), NOW);
    }
    assertThat(kitchen())
        .extracting(r -> r.value().notificationId())
        .containsExactly("kitchen-overloaded:r-001:o-3");
    // 6 minutes later by event time: o-1..o-3 are out of the window, o-4 alone is in it.
    pipe(Fixtures.order("o-4", "c-4", NOW.plusSeconds(360)), NOW);
    assertThat(kitchen())
        .extracting(r -> r.value().notificationId(), r -> r.value().ordersInWindow())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("kitchen-ok:r-001:o-3", 1L));
  }

  @Test
  void aKitchenKeepsTheCreationTimesOfItsWindowBySecondAndForgetsTheRest() {
    // Two orders every 10 s (the second 300 ms later) for 490 s: the 5-minute window at 490.3 s
    // holds those created after 190.3 s: 190.3 s itself is out, 200..490.3 s are in.
    for (int i = 0; i < 50; i++) {
      pipe(Fixtures.order("o-" + i, "c-" + i, NOW.plusSeconds(i * 10L)), NOW);
      pipe(Fixtures.order("p-" + i, "c-" + i, NOW.plusSeconds(i * 10L).plusMillis(300)), NOW);
    }
    KeyValueStore<String, byte[]> orders =
        driver.getKeyValueStore(NotificationTopology.KITCHEN_ORDERS_STORE);
    KeyValueStore<String, KitchenState> load =
        driver.getKeyValueStore(NotificationTopology.KITCHEN_STORE);

    List<String> seconds = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> all = orders.all()) {
      all.forEachRemaining(entry -> seconds.add(entry.key));
    }
    assertThat(seconds)
        .hasSize(30)
        .startsWith(KitchenLoad.bucketKey("r-001", NOW.plusSeconds(200).toEpochMilli()))
        .endsWith(KitchenLoad.bucketKey("r-001", NOW.plusSeconds(490).toEpochMilli()));
    byte[] last = orders.get(KitchenLoad.bucketKey("r-001", NOW.plusSeconds(490).toEpochMilli()));
    assertThat(last).hasSize(16); // two creation times, 8 bytes each
    assertThat(load.get("r-001").count()).isEqualTo(60);

    // 20 minutes of wall clock later: the check forgets them all, and the restaurant.
    driver.advanceWallClockTime(Duration.ofMinutes(20));
    try (KeyValueIterator<String, byte[]> all = orders.all()) {
      assertThat(all.hasNext()).isFalse();
    }
    assertThat(load.get("r-001")).isNull();
  }

  @Test
  void anOrderOfARestaurantNotInTheCatalogueIsConfirmedButNotCounted() {
    pipe(Fixtures.order("o-1", "c-1", "r-404", NOW), NOW);
    pipe(Fixtures.order("o-2", "c-1", "r-404", NOW), NOW);
    pipe(Fixtures.order("o-3", "c-1", "r-404", NOW), NOW);
    assertThat(notifications.readValuesToList())
        .extracting(Notification::type)
        .containsOnly(NotificationType.ORDER_CONFIRMED);
    assertThat(counters.snapshot()).containsEntry("ordersOfUnknownRestaurants", 3L);
  }

  @Test
  void theCapacityFollowsTheFormula() {
    KitchenSettings kitchen = new KitchenSettings(Duration.ofMinutes(5), 4);
    assertThat(kitchen.capacity(10)).isEqualTo(2);
    assertThat(kitchen.capacity(35)).isEqualTo(1);
    assertThat(kitchen.capacity(0)).isEqualTo(20);
    assertThat(KitchenSettings.defaults().capacity(35)).isEqualTo(142);
    assertThat(KitchenSettings.defaults().capacity(10)).isEqualTo(500);
  }

  private List<TestRecord<String, Notification>> kitchen() {
    return notifications.readRecordsToList().stream()
        .filter(r -> r.value().type().audience() == NotificationType.Audience.RESTAURANT)
        .toList();
  }
}
