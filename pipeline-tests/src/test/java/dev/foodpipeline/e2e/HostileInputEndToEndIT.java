package dev.foodpipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.foodpipeline.connect.ConnectRestClient;
import dev.foodpipeline.connect.ConnectorStatus;
import dev.foodpipeline.model.MenuItem;
import dev.foodpipeline.model.Restaurant;
import dev.foodpipeline.model.catalog.RestaurantCatalog;
import dev.foodpipeline.model.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The nastiest records of issue 13 through the real broker, Streams app, Connect worker with the
 * Debezium sink, and PostgreSQL: each becomes exactly one row of {@code rejected_orders} with its
 * reason code, none reaches {@code orders}, every connector task is still RUNNING, and a plain
 * valid order sent afterwards lands in {@code orders}.
 */
class HostileInputEndToEndIT {
  private static final Duration DRAIN = Duration.ofSeconds(120);
  private static final Restaurant RESTAURANT = RestaurantCatalog.generate(Pipeline.SEED).get(0);
  private static final MenuItem DISH = RESTAURANT.menu().get(0);

  private static Pipeline pipeline;
  private static Database db;

  /** A record to send, and the order id and reason code its row of rejected_orders must have. */
  private record Hostile(byte[] key, byte[] value, String rowOrderId, String reasonCode) {
    static Hostile of(String key, String value, String rowOrderId, String reasonCode) {
      return new Hostile(utf8(key), utf8(value), rowOrderId, reasonCode);
    }
  }

  @BeforeAll
  static void startPipeline() throws Exception {
    pipeline = Pipeline.start();
    db = pipeline.database();
  }

  @AfterAll
  static void stopPipeline() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void eachHostileRecordIsOneRejectionAndThePipelineKeepsFlowing() throws Exception {
    byte[] invalidUtf8Key = new byte[400_000];
    Arrays.fill(invalidUtf8Key, (byte) 0xFF);
    byte[] controlKey = new byte[300_000];
    Arrays.fill(controlKey, (byte) 0x01);
    List<Hostile> hostile =
        List.of(
            // Killed stream threads with OutOfMemoryError in BigDecimal.toPlainString.
            Hostile.of(
                "hx-price",
                order("hx-price", "c-1", DISH.menuItemId(), "1e999999999", "Rua Augusta 1"),
                "hx-price",
                "INVALID_VALUE"),
            // Failed orders-sink for good: PostgreSQL text cannot hold NUL.
            Hostile.of(
                "hx-nul",
                order("hx-nul", "c-1\\u0000", DISH.menuItemId(), price(), "Rua Augusta 1"),
                "hx-nul",
                "INVALID_VALUE"),
            Hostile.of(
                "hx-esc",
                order("hx-esc", "c-1", DISH.menuItemId(), price(), "Rua\\u001b[2J Augusta"),
                "hx-esc",
                "INVALID_VALUE"),
            // Past PostgreSQL's btree limit for orders_pkey.
            Hostile.of(
                "hx-long-id",
                order("o".repeat(3000), "c-1", DISH.menuItemId(), price(), "Rua Augusta 1"),
                "hx-long-id",
                "INVALID_VALUE"),
            // Each byte read as U+FFFD: 1.2 MB of text for a rejection that once carried it.
            new Hostile(
                invalidUtf8Key,
                utf8(order("hx-huge-key", "c-1", DISH.menuItemId(), price(), "Rua Augusta 1")),
                "hx-huge-key",
                "INVALID_VALUE"),
            new Hostile(
                controlKey,
                utf8("{\"orderId\":\"hx-control-key\", cut off"),
                null,
                "MALFORMED_JSON"),
            Hostile.of(
                "hx-deep",
                "{\"orderId\":\"hx-deep\",\"items\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
                "hx-deep",
                "MALFORMED_JSON"));

    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      for (Hostile record : hostile) {
        producer
            .send(new ProducerRecord<>(Topics.FOOD_ORDERS.name(), record.key(), record.value()))
            .get();
      }
      producer
          .send(
              new ProducerRecord<>(
                  Topics.FOOD_ORDERS.name(),
                  utf8("hx-plain"),
                  utf8(order("hx-plain", "c-1", DISH.menuItemId(), price(), "Rua Augusta 1"))))
          .get();
    }

    await("one row for each hostile record and the plain order in orders")
        .atMost(DRAIN)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                db.count("SELECT count(*) FROM rejected_orders WHERE order_id LIKE 'hx-%'")
                        == hostile.stream().filter(h -> h.rowOrderId() != null).count()
                    && db.count(controlKeyRow()) == 1
                    && db.count("SELECT count(*) FROM orders WHERE order_id = 'hx-plain'") == 1);

    for (Hostile record : hostile) {
      String where =
          record.rowOrderId() == null
              ? "raw LIKE '%hx-control-key%' AND order_id IS NULL"
              : "order_id = '" + record.rowOrderId() + "'";
      List<Map<String, Object>> rows = db.rows("SELECT * FROM rejected_orders WHERE " + where);
      assertThat(rows).as(where).hasSize(1);
      assertThat(rows.get(0).get("reason_code")).as(where).isEqualTo(record.reasonCode());
    }
    assertThat(db.count("SELECT count(*) FROM orders WHERE order_id LIKE 'hx-%'")).isEqualTo(1);
    assertThat(db.count("SELECT max(length(raw)) FROM rejected_orders")).isLessThan(70_000);
    assertEveryConnectorTaskRunning();
  }

  private static String controlKeyRow() {
    return "SELECT count(*) FROM rejected_orders WHERE raw LIKE '%hx-control-key%'";
  }

  private static void assertEveryConnectorTaskRunning() throws Exception {
    ConnectRestClient connect = pipeline.connectClient();
    List<String> names = pipeline.connectorNames();
    assertThat(names).as("the five sinks").hasSize(5);
    for (String name : names) {
      Optional<ConnectorStatus> status = connect.status(name);
      assertThat(status).as(name).isPresent();
      assertThat(status.get().isRunning()).as(status.get().summary()).isTrue();
    }
  }

  private static String order(
      String orderId, String customerId, String menuItemId, String unitPrice, String street) {
    return """
        {"orderId":"%s","customerId":"%s","restaurantId":"%s",\
        "items":[{"menuItemId":"%s","quantity":1,"unitPrice":%s}],\
        "deliveryAddress":{"street":"%s","city":"%s","postalCode":"1100-048"},\
        "createdAt":"%s"}"""
        .formatted(
            orderId,
            customerId,
            RESTAURANT.restaurantId(),
            menuItemId,
            unitPrice,
            street,
            RESTAURANT.city(),
            Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }

  private static String price() {
    return DISH.price().toPlainString();
  }

  private static KafkaProducer<byte[], byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers()),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
