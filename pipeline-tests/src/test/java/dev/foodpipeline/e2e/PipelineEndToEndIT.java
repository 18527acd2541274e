package dev.foodpipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.foodpipeline.e2e.ExpectedRun.Expected;
import dev.foodpipeline.model.ProcessedItem;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.json.RawText;
import dev.foodpipeline.model.rules.OrderEnricher;
import dev.foodpipeline.shell.MetricsOptions;
import dev.foodpipeline.shell.MetricsServer;
import dev.foodpipeline.streams.topology.TopologySettings;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generator → Kafka → Streams → Connect JDBC sink → PostgreSQL, all real, checked row by row and
 * field by field against what the seeded run must produce.
 */
class PipelineEndToEndIT {
  private static final Duration DRAIN = Duration.ofSeconds(120);
  private static Pipeline pipeline;
  private static Database db;

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
  void aSeededRunOf100OrdersLandsInPostgresRowByRow() throws Exception {
    long seed = Pipeline.SEED;
    int count = 100;
    Clock clock = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    ExpectedRun run = new ExpectedRun(seed, 0.2, count, clock, pipeline.endOffsetsOfFoodOrders());
    assertThat(run.valid()).hasSizeGreaterThan(60);
    assertThat(run.rejected()).hasSizeGreaterThan(5);

    int exit =
        pipeline.generator(
            clock,
            "produce",
            "--no-setup",
            "-b",
            pipeline.bootstrapServers(),
            "--count",
            "100",
            "--rate",
            "0",
            "--seed",
            Long.toString(seed),
            "--invalid-ratio",
            "0.2");
    assertThat(exit).isZero();

    String orderIds =
        run.valid().stream()
            .map(e -> "'" + e.generated().key() + "'")
            .collect(Collectors.joining(","));
    String positions =
        run.rejected().stream()
            .map(e -> "(" + e.position().partition() + "," + e.position().offset() + ")")
            .collect(Collectors.joining(","));
    String ordersOfRun = "SELECT * FROM orders WHERE order_id IN (" + orderIds + ")";
    String rejectedOfRun =
        "SELECT * FROM rejected_orders WHERE (source_partition, source_offset) IN ("
            + positions
            + ")";
    int itemCount = run.valid().stream().mapToInt(e -> run.enriched(e).items().size()).sum();
    await("every order of the run in orders, order_items or rejected_orders")
        .atMost(DRAIN)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                db.count("SELECT count(*) FROM (" + ordersOfRun + ") o") == run.valid().size()
                    && db.count("SELECT count(*) FROM (" + rejectedOfRun + ") r")
                        == run.rejected().size()
                    && db.count(
                            "SELECT count(*) FROM order_items WHERE order_id IN (" + orderIds + ")")
                        == itemCount);

    assertOrders(run, db.rows(ordersOfRun));
    assertItems(run, db.rows("SELECT * FROM order_items WHERE order_id IN (" + orderIds + ")"));
    assertRejections(run, db.rows(rejectedOfRun));
    assertThat(
            db.count(
                "SELECT count(*) FROM orders o WHERE total <> subtotal + tax + delivery_fee"
                    + " OR subtotal <> (SELECT sum(line_total) FROM order_items i WHERE i.order_id = o.order_id)"))
        .as("orders whose total is not the sum of their lines plus tax and fee")
        .isZero();
  }

  @Test
  void aProducerThatIsNotOursGetsItsOrderIntoOrdersAndItsMalformedRecordIntoRejectedOrders()
      throws Exception {
    var restaurant =
        dev.foodpipeline.model.catalog.RestaurantCatalog.generate(Pipeline.SEED).get(3);
    var dish = restaurant.menu().get(0);
    // The documented contract, written by hand: any client in any language can produce this.
    String json =
        """
        {"orderId": "ext-1", "customerId": "c-ext", "restaurantId": "%s",
         "items": [{"menuItemId": "%s", "quantity": 3, "unitPrice": %s}],
         "deliveryAddress": {"street": "9 Rua Augusta", "city": "%s", "postalCode": "1100-048"},
         "createdAt": "%s"}
        """
            .formatted(
                restaurant.restaurantId(),
                dish.menuItemId(),
                dish.price().toPlainString(),
                restaurant.city(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS));

    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers()),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>("food-orders", "ext-1", json)).get();
      producer
          .send(new ProducerRecord<>("food-orders", "ext-2", "{\"orderId\": \"ext-2\", oops"))
          .get();
    }

    await("the foreign order in orders and the malformed one in rejected_orders")
        .atMost(DRAIN)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                db.count("SELECT count(*) FROM orders WHERE order_id = 'ext-1'") == 1
                    && db.count("SELECT count(*) FROM rejected_orders WHERE raw LIKE '%ext-2%'")
                        == 1);
    Map<String, Object> order = db.rows("SELECT * FROM orders WHERE order_id = 'ext-1'").get(0);
    BigDecimal subtotal = dish.price().multiply(BigDecimal.valueOf(3));
    assertThat(order.get("subtotal")).isEqualTo(subtotal.setScale(2));
    assertThat(order.get("item_count")).isEqualTo(3);
    assertThat(order.get("restaurant_name")).isEqualTo(restaurant.name());
    Map<String, Object> rejected =
        db.rows("SELECT * FROM rejected_orders WHERE raw LIKE '%ext-2%'").get(0);
    assertThat(rejected.get("reason_code")).isEqualTo("MALFORMED_JSON");
    assertThat(rejected.get("raw")).isEqualTo("{\"orderId\": \"ext-2\", oops");
    assertThat((String) rejected.get("reason")).startsWith("not valid JSON");
  }

  /**
   * Every metric name the alert and recording rules read (docker/prometheus/rules.yml) is served by
   * the rules files of docker/jmx-exporter over this JVM's broker, worker and Streams instance,
   * after a short run: a rule over a name no process serves would never fire.
   */
  @Test
  void everyMetricThePrometheusRulesReadIsServedByTheRulesFiles() throws Exception {
    Set<String> wanted = new TreeSet<>();
    Matcher names =
        Pattern.compile("\\b((?:kafka|jvm|process|food)_[a-z0-9_]+)\\b")
            .matcher(Files.readString(Path.of("../docker/prometheus/rules.yml")));
    while (names.find()) {
      wanted.add(names.group(1));
    }
    assertThat(wanted)
        .contains("kafka_connect_worker_connector_task_count", "food_connect_task_gave_up");
    assertThat(
            pipeline.generator(
                Clock.systemUTC(),
                "produce",
                "--no-setup",
                "-b",
                pipeline.bootstrapServers(),
                "--count",
                "20",
                "--rate",
                "0",
                "--seed",
                Long.toString(Pipeline.SEED),
                "--start-sequence",
                "900000"))
        .isZero();
    try (MetricsServer clients =
            MetricsServer.start(
                "127.0.0.1",
                0,
                MetricsServer.rulesOf(
                    Path.of("../docker/jmx-exporter/" + MetricsOptions.CLIENT_RULES), null),
                MetricsOptions.CLIENT_RULES);
        MetricsServer broker =
            MetricsServer.start(
                "127.0.0.1",
                0,
                MetricsServer.rulesOf(
                    Path.of("../docker/jmx-exporter/" + MetricsOptions.BROKER_RULES), null),
                MetricsOptions.BROKER_RULES)) {
      await("every metric name of the rules served")
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () -> {
                Set<String> served = served(clients);
                served.addAll(served(broker));
                assertThat(served).containsAll(wanted);
              });
    }
  }

  /** The metric names of one scrape. */
  private static Set<String> served(MetricsServer server) throws Exception {
    String body =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.url())).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return body.lines()
        .filter(line -> !line.startsWith("#") && !line.isBlank())
        .map(line -> line.split("[{ ]", 2)[0])
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static void assertOrders(ExpectedRun run, List<Map<String, Object>> rows) {
    Map<Object, Map<String, Object>> byId =
        rows.stream().collect(Collectors.toMap(r -> r.get("order_id"), Function.identity()));
    for (Expected expected : run.valid()) {
      ProcessedOrder want = run.enriched(expected).order();
      Map<String, Object> row = byId.get(want.orderId());
      assertThat(row).as("row of %s", want.orderId()).isNotNull();
      assertThat(row)
          .as("order %s", want.orderId())
          .containsEntry("customer_id", want.customerId())
          .containsEntry("restaurant_id", want.restaurantId())
          .containsEntry("restaurant_name", want.restaurantName())
          .containsEntry("cuisine", want.cuisine())
          .containsEntry("city", want.city())
          .containsEntry("item_count", want.itemCount())
          .containsEntry("subtotal", want.subtotal())
          .containsEntry("tax", want.tax())
          .containsEntry("delivery_fee", want.deliveryFee())
          .containsEntry("total", want.total())
          .containsEntry("delivery_street", want.deliveryStreet())
          .containsEntry("delivery_city", want.deliveryCity())
          .containsEntry("delivery_postal_code", want.deliveryPostalCode())
          .containsEntry("source_partition", want.sourcePartition())
          .containsEntry("source_offset", want.sourceOffset());
      assertThat(instant(row, "created_at")).isEqualTo(want.createdAt());
      assertThat(instant(row, "estimated_ready_at")).isEqualTo(want.estimatedReadyAt());
      assertThat(instant(row, "processed_at")).isAfterOrEqualTo(want.createdAt());
      assertThat(instant(row, "written_at"))
          .isAfterOrEqualTo(instant(row, "processed_at").minusSeconds(1));
    }
  }

  private static void assertItems(ExpectedRun run, List<Map<String, Object>> rows) {
    Map<String, Map<String, Object>> byKey =
        rows.stream()
            .collect(
                Collectors.toMap(
                    r -> r.get("order_id") + "#" + r.get("line_no"), Function.identity()));
    for (Expected expected : run.valid()) {
      OrderEnricher.Enriched enriched = run.enriched(expected);
      for (ProcessedItem want : enriched.items()) {
        Map<String, Object> row = byKey.get(want.orderId() + "#" + want.lineNo());
        assertThat(row).as("item %s line %d", want.orderId(), want.lineNo()).isNotNull();
        assertThat(row)
            .containsEntry("menu_item_id", want.menuItemId())
            .containsEntry("item_name", want.itemName())
            .containsEntry("quantity", want.quantity())
            .containsEntry("unit_price", want.unitPrice())
            .containsEntry("line_total", want.lineTotal());
      }
    }
    assertThat(rows).hasSize(byKey.size());
  }

  private static void assertRejections(ExpectedRun run, List<Map<String, Object>> rows) {
    Map<String, Map<String, Object>> byPosition =
        rows.stream()
            .collect(
                Collectors.toMap(
                    r -> r.get("source_partition") + "@" + r.get("source_offset"),
                    Function.identity()));
    for (Expected expected : run.rejected()) {
      Map<String, Object> row =
          byPosition.get(expected.position().partition() + "@" + expected.position().offset());
      assertThat(row).as("rejection of %s", expected.generated()).isNotNull();
      assertThat(row)
          .as("rejection of %s", expected.generated().key())
          .containsEntry("source_topic", "food-orders")
          .containsEntry("reason_code", expected.generated().expectedReason().orElseThrow().name());
      assertRaw((String) row.get("raw"), expected.generated().value());
      assertThat((String) row.get("reason")).isNotBlank();
      assertThat(row.get("rejected_at")).isNotNull();
    }
  }

  /**
   * The record's original text, or for a record over the Streams app's limit its start and a mark
   * of its size.
   */
  private static void assertRaw(String raw, byte[] value) {
    String text = RawText.of(value);
    int limit = TopologySettings.DEFAULT_MAX_RAW_CHARS;
    if (text.length() <= limit) {
      assertThat(raw).isEqualTo(text);
    } else {
      assertThat(raw)
          .isEqualTo(text.substring(0, limit) + "…[cut: " + value.length + " bytes in all]");
    }
  }

  private static Instant instant(Map<String, Object> row, String column) {
    Object value = row.get(column);
    assertThat(value).as(column).isInstanceOf(Timestamp.class);
    return ((Timestamp) value).toInstant();
  }
}
