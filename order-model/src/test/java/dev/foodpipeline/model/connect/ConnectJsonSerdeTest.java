package dev.foodpipeline.model.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.foodpipeline.model.OrderItemKey;
import dev.foodpipeline.model.OrderKey;
import dev.foodpipeline.model.ProcessedItem;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.RejectedOrder;
import dev.foodpipeline.model.RejectionKey;
import dev.foodpipeline.model.RestaurantStats;
import dev.foodpipeline.model.RestaurantStatsKey;
import dev.foodpipeline.model.SourcePosition;
import dev.foodpipeline.model.TestOrders;
import dev.foodpipeline.model.json.Json;
import dev.foodpipeline.model.rules.OrderEnricher;
import dev.foodpipeline.model.topics.Topic;
import dev.foodpipeline.model.topics.Topics;
import java.io.IOException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ConnectJsonSerdeTest {
  private static final OrderEnricher.Enriched ENRICHED =
      new OrderEnricher()
          .enrich(
              TestOrders.validOrder(),
              TestOrders.restaurant(),
              new SourcePosition("food-orders", 1, 5),
              TestOrders.NOW);

  private static <K, V> JsonNode write(Topic<K, V> topic, K key, V value, boolean asKey)
      throws IOException {
    byte[] bytes =
        asKey
            ? topic.keySerde().serializer().serialize(topic.name(), key)
            : topic.valueSerde().serializer().serialize(topic.name(), value);
    return Json.mapper().readTree(bytes);
  }

  @Test
  void writesProcessedOrdersAsFlatObjectsOfSnakeCaseFieldsWithoutTheSchema() throws IOException {
    ProcessedOrder order = ENRICHED.order();

    JsonNode value = write(Topics.FOOD_ORDERS_PROCESSED, null, order, false);

    assertThat(value.has("schema")).isFalse();
    assertThat(value.get("order_id").asText()).isEqualTo("o-1");
    assertThat(value.get("total").isNumber()).isTrue();
    assertThat(value.get("total").decimalValue()).isEqualByComparingTo(order.total());
    assertThat(value.get("created_at").asText()).isEqualTo(TestOrders.NOW.toString());
    assertThat(value.get("source_partition").asInt()).isEqualTo(1);
    assertThat(value.size()).isEqualTo(ConnectMappings.PROCESSED_ORDER.schema().fields().size());
  }

  @Test
  void writesKeysAsObjectsOfThePrimaryKeyColumns() throws IOException {
    JsonNode key = write(Topics.FOOD_ORDERS_PROCESSED, new OrderKey("o-1"), null, true);

    assertThat(key.toString()).isEqualTo("{\"order_id\":\"o-1\"}");
  }

  @Test
  void writesAProcessedOrderInFewerThan600Bytes() {
    byte[] compact =
        Topics.FOOD_ORDERS_PROCESSED
            .valueSerde()
            .serializer()
            .serialize("food-orders-processed", ENRICHED.order());

    assertThat(compact.length).isLessThan(600);
  }

  @Test
  void roundTripsEveryProcessedTopic() {
    assertRoundTrip(Topics.FOOD_ORDERS_PROCESSED, new OrderKey("o-1"), ENRICHED.order());
    ProcessedItem item = ENRICHED.items().get(0);
    assertRoundTrip(Topics.FOOD_ORDER_ITEMS, new OrderItemKey(item.orderId(), item.lineNo()), item);
    RejectedOrder rejected =
        new RejectedOrder(
            "food-orders",
            2,
            9,
            null,
            ReasonCode.MALFORMED_JSON,
            "not valid JSON",
            "{oops",
            TestOrders.NOW);
    assertRoundTrip(Topics.FOOD_ORDERS_REJECTED, RejectionKey.of(rejected), rejected);
    RejectedOrder withoutRaw =
        new RejectedOrder(
            "food-orders",
            0,
            1,
            "o-2",
            ReasonCode.MALFORMED_JSON,
            "the record has no value",
            null,
            null);
    assertRoundTrip(Topics.FOOD_ORDERS_REJECTED, RejectionKey.of(withoutRaw), withoutRaw);
  }

  @Test
  void writesRestaurantStatsKeyedByRestaurantAndWindowStartWithExactRevenue() throws IOException {
    RestaurantStats stats =
        new RestaurantStats(
            "r-001", TestOrders.NOW, TestOrders.NOW.plusSeconds(60), 3, new BigDecimal("101.30"));

    assertRoundTrip(Topics.RESTAURANT_STATS, RestaurantStatsKey.of(stats), stats);
    JsonNode key = write(Topics.RESTAURANT_STATS, RestaurantStatsKey.of(stats), null, true);
    assertThat(key.toString())
        .isEqualTo("{\"restaurant_id\":\"r-001\",\"window_start\":\"" + TestOrders.NOW + "\"}");
    JsonNode value = write(Topics.RESTAURANT_STATS, null, stats, false);
    assertThat(value.get("revenue").toString()).isEqualTo("101.30");
    assertThat(value.get("order_count").asLong()).isEqualTo(3);
  }

  @Test
  void keepsMoneyAtTwoDecimalPlaces() {
    ProcessedItem item = ENRICHED.items().get(0);

    ProcessedItem read = roundTripValue(Topics.FOOD_ORDER_ITEMS, item);

    assertThat(read.unitPrice().scale()).isEqualTo(2);
    assertThat(read.lineTotal()).isEqualTo(item.lineTotal());
    assertThat(read.lineTotal()).isNotEqualTo(new BigDecimal("0"));
  }

  @Test
  void mapsNullToNull() {
    Topic<OrderKey, ProcessedOrder> topic = Topics.FOOD_ORDERS_PROCESSED;

    assertThat(topic.valueSerde().serializer().serialize(topic.name(), null)).isNull();
    assertThat(topic.valueSerde().deserializer().deserialize(topic.name(), null)).isNull();
  }

  private static <K, V> void assertRoundTrip(Topic<K, V> topic, K key, V value) {
    byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
    assertThat(topic.keySerde().deserializer().deserialize(topic.name(), keyBytes)).isEqualTo(key);
    assertThat(roundTripValue(topic, value)).isEqualTo(value);
  }

  private static <K, V> V roundTripValue(Topic<K, V> topic, V value) {
    byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
    return topic.valueSerde().deserializer().deserialize(topic.name(), bytes);
  }
}
