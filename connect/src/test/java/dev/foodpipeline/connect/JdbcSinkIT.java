package dev.foodpipeline.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.foodpipeline.infra.ConnectWorker;
import dev.foodpipeline.infra.KafkaBroker;
import dev.foodpipeline.infra.PostgresServer;
import dev.foodpipeline.model.Notification;
import dev.foodpipeline.model.NotificationType;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The five connectors on a real broker, a real Connect worker with the Debezium plugin, and real
 * PostgreSQL.
 */
class JdbcSinkIT {

  private static final Duration ROW_TIMEOUT = Duration.ofSeconds(60);

  private static KafkaBroker broker;
  private static PostgresServer postgres;
  private static ConnectWorker connect;
  private static KafkaProducer<byte[], byte[]> producer;
  private static String firstRegistration;
  private static String secondRegistration;

  @BeforeAll
  static void startPipeline() throws Exception {
    broker = KafkaBroker.start();
    postgres = PostgresServer.start();
    connect = SinkTestSupport.startWorker(broker.bootstrapServers());
    SinkTestSupport.createSinkTopics(broker.bootstrapServers());
    producer = SinkTestSupport.transactionalProducer(broker.bootstrapServers(), "jdbc-sink-it");

    firstRegistration = register();
    secondRegistration = register();
  }

  @AfterAll
  static void stopPipeline() {
    if (producer != null) {
      producer.close();
    }
    if (connect != null) {
      connect.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void registrationCreatesTheConnectorsOnceAndAgainChangesNothing() {
    assertThat(firstRegistration)
        .contains(
            "Applied sql/schema.sql to " + postgres.jdbcUrl(),
            "notifications-sink: created",
            "order-items-sink: created",
            "orders-sink: created",
            "rejected-orders-sink: created",
            "restaurant-stats-sink: created",
            "orders-sink: RUNNING (1 task)");
    assertThat(secondRegistration)
        .contains(
            "notifications-sink: unchanged",
            "order-items-sink: unchanged",
            "orders-sink: unchanged",
            "rejected-orders-sink: unchanged",
            "restaurant-stats-sink: unchanged");
  }

  @Test
  void aRestaurantWindowIsOneRowKeyedByRestaurantAndWindowStartAndAReplayUpdatesIt()
      throws Exception {
    Instant window = Instant.parse("2026-03-01T12:05:00Z");
    send(SinkRecords.STATS_TOPIC, SinkRecords.stats("r-042", window, 3, "101.30"));

    Map<String, Object> row =
        awaitRow("SELECT * FROM restaurant_stats WHERE restaurant_id = 'r-042'");
    assertThat(instant(row, "window_start")).isEqualTo(window);
    assertThat(instant(row, "window_end")).isEqualTo(window.plusSeconds(60));
    assertThat(row.get("order_count")).isEqualTo(3L);
    assertThat(row.get("revenue")).isEqualTo(new java.math.BigDecimal("101.30"));
    assertThat(row.get("written_at")).isNotNull();

    send(SinkRecords.STATS_TOPIC, SinkRecords.stats("r-042", window, 3, "101.30"));
    send(SinkRecords.STATS_TOPIC, SinkRecords.stats("r-042", window.plusSeconds(60), 1, "9.99"));
    await()
        .atMost(ROW_TIMEOUT)
        .until(
            () ->
                count("SELECT count(*) FROM restaurant_stats WHERE restaurant_id = 'r-042'") == 2);
    assertThat(
            count(
                "SELECT count(*) FROM restaurant_stats WHERE restaurant_id = 'r-042' AND window_start = '2026-03-01T12:05:00Z'"))
        .isEqualTo(1);
    assertThat(primaryKey("restaurant_stats")).containsExactly("restaurant_id", "window_start");
  }

  @Test
  void aProcessedOrderBecomesOneRowWithExactValues() throws Exception {
    send(SinkRecords.ORDERS_TOPIC, SinkRecords.order("o-exact", "23.45"));

    Map<String, Object> row = awaitRow("SELECT * FROM orders WHERE order_id = 'o-exact'");

    assertThat(row)
        .containsEntry("customer_id", "c-7")
        .containsEntry("restaurant_id", "r-1")
        .containsEntry("restaurant_name", "Pasta Place")
        .containsEntry("cuisine", "italian")
        .containsEntry("city", "Lisbon")
        .containsEntry("item_count", 3)
        .containsEntry("subtotal", new BigDecimal("19.50"))
        .containsEntry("tax", new BigDecimal("1.56"))
        .containsEntry("delivery_fee", new BigDecimal("2.39"))
        .containsEntry("total", new BigDecimal("23.45"))
        .containsEntry("delivery_street", "Rua Augusta 1")
        .containsEntry("delivery_city", "Lisbon")
        .containsEntry("delivery_postal_code", "1100-048")
        .containsEntry("source_partition", 2)
        .containsEntry("source_offset", 12_345_678_901L);
    assertThat(instant(row, "created_at")).isEqualTo(SinkRecords.CREATED_AT);
    assertThat(instant(row, "estimated_ready_at"))
        .isEqualTo(SinkRecords.CREATED_AT.plusSeconds(1200));
    assertThat(instant(row, "processed_at")).isEqualTo(SinkRecords.CREATED_AT.plusMillis(250));
    assertThat(row.get("written_at")).isNotNull();
    assertThat(row).hasSize(20);
  }

  @Test
  void itemsAndRejectionsReachTheirTables() throws Exception {
    send(SinkRecords.ITEMS_TOPIC, SinkRecords.item("o-items", 1, 2, "4.25"));
    send(SinkRecords.ITEMS_TOPIC, SinkRecords.item("o-items", 2, 1, "11.00"));
    send(SinkRecords.REJECTED_TOPIC, SinkRecords.rejected(77, null, "{\"order_id\": \"o-9\""));
    send(SinkRecords.REJECTED_TOPIC, SinkRecords.rejected(78, "o-10", null, null));

    await()
        .atMost(ROW_TIMEOUT)
        .until(() -> count("SELECT count(*) FROM order_items WHERE order_id = 'o-items'") == 2);
    Map<String, Object> line =
        awaitRow("SELECT * FROM order_items WHERE order_id = 'o-items' AND line_no = 1");
    assertThat(line)
        .containsEntry("menu_item_id", "m-1")
        .containsEntry("item_name", "Item 1")
        .containsEntry("quantity", 2)
        .containsEntry("unit_price", new BigDecimal("4.25"))
        .containsEntry("line_total", new BigDecimal("8.50"));

    Map<String, Object> rejected =
        awaitRow("SELECT * FROM rejected_orders WHERE source_offset = 77");
    assertThat(rejected)
        .containsEntry("source_topic", "food-orders")
        .containsEntry("source_partition", 1)
        .containsEntry("order_id", null)
        .containsEntry("reason_code", "MALFORMED_JSON")
        .containsEntry("reason", "Unexpected end of input")
        .containsEntry("raw", "{\"order_id\": \"o-9\"");
    assertThat(instant(rejected, "rejected_at")).isEqualTo(SinkRecords.CREATED_AT.plusSeconds(1));
    Map<String, Object> withoutOptionals =
        awaitRow("SELECT * FROM rejected_orders WHERE source_offset = 78");
    assertThat(withoutOptionals)
        .containsEntry("order_id", "o-10")
        .containsEntry("raw", null)
        .containsEntry("rejected_at", null);
  }

  @Test
  void aNotificationBecomesOneRowKeyedByItsIdAndAReplayChangesNothing() throws Exception {
    Notification confirmed =
        new Notification(
            "order-confirmed:o-notified",
            NotificationType.ORDER_CONFIRMED,
            "c-7",
            "r-1",
            "o-notified",
            "Pasta Place confirmed your order: ready at 12:20",
            new BigDecimal("23.45"),
            SinkRecords.CREATED_AT.plusSeconds(1200),
            null,
            null,
            null,
            SinkRecords.CREATED_AT,
            SinkRecords.CREATED_AT.plusMillis(300));
    Notification overloaded =
        new Notification(
            "kitchen-overloaded:r-1:2026-03-01T12:00:00Z",
            NotificationType.KITCHEN_OVERLOADED,
            null,
            "r-1",
            null,
            "More orders than your kitchen can cook",
            null,
            null,
            null,
            14L,
            10L,
            SinkRecords.CREATED_AT,
            SinkRecords.CREATED_AT.plusSeconds(5));
    send(SinkRecords.NOTIFICATIONS_TOPIC, SinkRecords.notification(confirmed));
    send(SinkRecords.NOTIFICATIONS_TOPIC, SinkRecords.notification(overloaded));

    Map<String, Object> row =
        awaitRow(
            "SELECT * FROM notifications WHERE notification_id = 'order-confirmed:o-notified'");
    assertThat(row)
        .containsEntry("type", "ORDER_CONFIRMED")
        .containsEntry("customer_id", "c-7")
        .containsEntry("restaurant_id", "r-1")
        .containsEntry("order_id", "o-notified")
        .containsEntry("message", "Pasta Place confirmed your order: ready at 12:20")
        .containsEntry("total", new BigDecimal("23.45"))
        .containsEntry("reason_code", null)
        .containsEntry("orders_in_window", null)
        .containsEntry("capacity", null);
    assertThat(instant(row, "estimated_ready_at"))
        .isEqualTo(SinkRecords.CREATED_AT.plusSeconds(1200));
    assertThat(instant(row, "event_at")).isEqualTo(SinkRecords.CREATED_AT);
    assertThat(instant(row, "notified_at")).isEqualTo(SinkRecords.CREATED_AT.plusMillis(300));
    Map<String, Object> kitchen =
        awaitRow("SELECT * FROM notifications WHERE type = 'KITCHEN_OVERLOADED'");
    assertThat(kitchen)
        .containsEntry("notification_id", "kitchen-overloaded:r-1:2026-03-01T12:00:00Z")
        .containsEntry("customer_id", null)
        .containsEntry("order_id", null)
        .containsEntry("total", null)
        .containsEntry("orders_in_window", 14L)
        .containsEntry("capacity", 10L);

    // A replay (the service restarted from an older offset) writes the same ids again.
    send(SinkRecords.NOTIFICATIONS_TOPIC, SinkRecords.notification(confirmed));
    send(SinkRecords.NOTIFICATIONS_TOPIC, SinkRecords.notification(overloaded));
    Notification marker =
        new Notification(
            "order-confirmed:o-after-replay",
            NotificationType.ORDER_CONFIRMED,
            "c-7",
            "r-1",
            "o-after-replay",
            "confirmed",
            new BigDecimal("1.00"),
            null,
            null,
            null,
            null,
            SinkRecords.CREATED_AT,
            SinkRecords.CREATED_AT);
    send(SinkRecords.NOTIFICATIONS_TOPIC, SinkRecords.notification(marker));
    awaitRow(
        "SELECT * FROM notifications WHERE notification_id = 'order-confirmed:o-after-replay'");
    assertThat(
            count(
                "SELECT count(*) FROM notifications WHERE notification_id IN"
                    + " ('order-confirmed:o-notified', 'kitchen-overloaded:r-1:2026-03-01T12:00:00Z')"))
        .isEqualTo(2);
    assertThat(
            awaitRow(
                    "SELECT * FROM notifications WHERE notification_id = 'order-confirmed:o-notified'")
                .get("written_at"))
        .isEqualTo(row.get("written_at"));
    assertThat(primaryKey("notifications")).containsExactly("notification_id");
  }

  @Test
  void resendingTheSameKeysUpdatesTheRowsInPlaceAndKeepsWrittenAt() throws Exception {
    send(SinkRecords.ORDERS_TOPIC, SinkRecords.order("o-upsert", "10.00"));
    send(SinkRecords.ITEMS_TOPIC, SinkRecords.item("o-upsert", 1, 1, "10.00"));
    Map<String, Object> first = awaitRow("SELECT * FROM orders WHERE order_id = 'o-upsert'");
    awaitRow("SELECT * FROM order_items WHERE order_id = 'o-upsert'");

    send(SinkRecords.ORDERS_TOPIC, SinkRecords.order("o-upsert", "12.34"));
    send(SinkRecords.ITEMS_TOPIC, SinkRecords.item("o-upsert", 1, 3, "10.00"));

    await()
        .atMost(ROW_TIMEOUT)
        .until(
            () ->
                count("SELECT count(*) FROM orders WHERE order_id = 'o-upsert' AND total = 12.34")
                        == 1
                    && count(
                            "SELECT count(*) FROM order_items WHERE order_id = 'o-upsert' AND quantity = 3")
                        == 1);
    assertThat(count("SELECT count(*) FROM orders WHERE order_id = 'o-upsert'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM order_items WHERE order_id = 'o-upsert'")).isEqualTo(1);
    Map<String, Object> updated = awaitRow("SELECT * FROM orders WHERE order_id = 'o-upsert'");
    assertThat(updated.get("written_at")).isEqualTo(first.get("written_at"));
  }

  @Test
  void anAbortedTransactionNeverReachesPostgres() throws Exception {
    SinkRecords.Serialized aborted = SinkRecords.order("o-aborted", "99.99");
    SinkRecords.Serialized after = SinkRecords.order("o-after-abort", "1.00");
    synchronized (producer) {
      producer.beginTransaction();
      producer.send(
          new ProducerRecord<>(SinkRecords.ORDERS_TOPIC, 0, aborted.key(), aborted.value()));
      producer.flush();
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(SinkRecords.ORDERS_TOPIC, 0, after.key(), after.value()));
      producer.commitTransaction();
    }

    awaitRow("SELECT * FROM orders WHERE order_id = 'o-after-abort'");
    assertThat(count("SELECT count(*) FROM orders WHERE order_id = 'o-aborted'")).isZero();
  }

  @Test
  void primaryKeysAreTheRecordKeys() throws Exception {
    assertThat(primaryKey("orders")).containsExactly("order_id");
    assertThat(primaryKey("order_items")).containsExactly("order_id", "line_no");
    assertThat(primaryKey("rejected_orders"))
        .containsExactly("source_topic", "source_partition", "source_offset");
  }

  @Test
  void aRecordTheConverterCannotReadGoesToTheDeadLetterTopicAndTheRestFlows() throws Exception {
    synchronized (producer) {
      producer.beginTransaction();
      producer.send(
          new ProducerRecord<>(
              SinkRecords.ORDERS_TOPIC,
              1,
              "{\"order_id\":\"o-bad\"}".getBytes(StandardCharsets.UTF_8),
              "not json at all".getBytes(StandardCharsets.UTF_8)));
      SinkRecords.Serialized noCustomer = SinkRecords.order("o-no-customer", "5.00");
      producer.send(
          new ProducerRecord<>(
              SinkRecords.ORDERS_TOPIC,
              1,
              noCustomer.key(),
              withoutField(noCustomer.value(), "customer_id")));
      SinkRecords.Serialized good = SinkRecords.order("o-after-bad", "5.00");
      producer.send(new ProducerRecord<>(SinkRecords.ORDERS_TOPIC, 1, good.key(), good.value()));
      producer.commitTransaction();
    }

    awaitRow("SELECT * FROM orders WHERE order_id = 'o-after-bad'");
    ConsumerRecord<byte[], byte[]> dead = awaitDeadLetter("not json at all", "orders-sink");
    assertThat(header(dead, "__connect.errors.topic")).isEqualTo(SinkRecords.ORDERS_TOPIC);
    assertThat(header(dead, "__connect.errors.partition")).isEqualTo("1");
    assertThat(header(dead, "__connect.errors.exception.class.name"))
        .isEqualTo("org.apache.kafka.connect.errors.DataException");
    String incomplete =
        new String(
            withoutField(SinkRecords.order("o-no-customer", "5.00").value(), "customer_id"),
            StandardCharsets.UTF_8);
    assertThat(
            header(
                awaitDeadLetter(incomplete, "orders-sink"), "__connect.errors.exception.message"))
        .isEqualTo(
            "food-orders-processed: the value is not dev.foodpipeline.ProcessedOrder:"
                + " customer_id is missing");
    try (Connection connection = database();
        ResultSet rows =
            connection
                .createStatement()
                .executeQuery("SELECT count(*) FROM orders WHERE order_id = 'o-no-customer'")) {
      rows.next();
      assertThat(rows.getInt(1)).isZero();
    }
  }

  /** The compact JSON of a record without one of its fields. */
  private static byte[] withoutField(byte[] value, String field) {
    String json = new String(value, StandardCharsets.UTF_8);
    return json.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[^,}]*),?", "")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void connectShowsNoPasswordOnlyTheReferenceTheWorkerResolves() {
    ConnectRestClient rest = new ConnectRestClient(URI.create(connect.restUrl()));

    Map<String, String> config = rest.config("orders-sink").orElseThrow();
    assertThat(config)
        .containsEntry("connection.password", SinkTestSupport.PASSWORD_REFERENCE)
        .allSatisfy(
            (key, value) -> {
              if (key.contains("password")) {
                assertThat(value).as(key).startsWith("${directory:");
              }
            });
    // The worker resolved the reference: the connector is RUNNING and writes (the other tests).
    assertThat(rest.status("orders-sink"))
        .hasValueSatisfying(status -> assertThat(status.isRunning()).isTrue());
  }

  @Test
  void aConnectorMayOverrideNoConsumerSettingButItsIsolationLevel() {
    ConnectorConfig shipped = ConnectorConfig.read(Path.of("connectors/orders-sink.json"));
    ConnectorConfig elsewhere =
        new ConnectorConfig(
            "orders-elsewhere-sink",
            shipped
                .withOverrides(
                    Map.of(
                        "connection.password",
                        SinkTestSupport.PASSWORD_REFERENCE,
                        "consumer.override.bootstrap.servers",
                        "attacker.example:9092"))
                .config());
    ConnectRestClient rest = new ConnectRestClient(URI.create(connect.restUrl()));

    assertThatThrownBy(() -> rest.putConfig(elsewhere))
        .isInstanceOf(ConnectRestClient.ConnectRequestException.class)
        .hasMessageContaining("bootstrap.servers");
    assertThat(rest.config("orders-elsewhere-sink")).isEmpty();
  }

  @Test
  void withoutTheSchemaFileTheSinkCreatesATableKeyedOnTheRecordKeyButWithLooserTypes()
      throws Exception {
    ConnectorConfig shipped = ConnectorConfig.read(Path.of("connectors/orders-sink.json"));
    new ConnectRestClient(URI.create(connect.restUrl()))
        .putConfig(
            new ConnectorConfig(
                "orders-autocreate-sink",
                shipped
                    .withOverrides(
                        Map.of(
                            "collection.name.format",
                            "orders_autocreated",
                            "connection.url",
                            postgres.jdbcUrl(),
                            "connection.password",
                            SinkTestSupport.PASSWORD_REFERENCE))
                    .config()));

    send(SinkRecords.ORDERS_TOPIC, SinkRecords.order("o-auto", "23.45"));

    await()
        .atMost(ROW_TIMEOUT)
        .until(
            () -> count("SELECT count(*) FROM orders_autocreated WHERE order_id = 'o-auto'") == 1);
    assertThat(primaryKey("orders_autocreated")).containsExactly("order_id");
    Map<String, String> types = columnTypes("orders_autocreated");
    assertThat(types)
        .hasSize(19)
        .doesNotContainKey("written_at")
        .containsEntry("order_id", "text")
        .containsEntry("total", "numeric(38,2)")
        .containsEntry("created_at", "timestamp without time zone")
        .containsEntry("source_offset", "bigint");
    assertThat(columnTypes("orders"))
        .containsEntry("total", "numeric(12,2)")
        .containsEntry("created_at", "timestamp with time zone")
        .containsEntry("written_at", "timestamp with time zone");
  }

  private static String register() {
    return SinkTestSupport.register(connect.restUrl(), postgres.jdbcUrl());
  }

  private static void send(String topic, SinkRecords.Serialized record) {
    synchronized (producer) {
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, record.key(), record.value()));
      producer.commitTransaction();
    }
  }

  private static Connection database() throws SQLException {
    return DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
  }

  private static long count(String sql) throws SQLException {
    return SinkTestSupport.count(postgres.jdbcUrl(), sql);
  }

  private static Map<String, Object> awaitRow(String sql) {
    List<Map<String, Object>> found = new ArrayList<>();
    await()
        .atMost(ROW_TIMEOUT)
        .until(
            () -> {
              found.clear();
              try (Connection connection = database();
                  Statement statement = connection.createStatement();
                  ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                  Map<String, Object> row = new LinkedHashMap<>();
                  for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                    row.put(rows.getMetaData().getColumnName(column), rows.getObject(column));
                  }
                  found.add(row);
                }
              }
              return found.size() == 1;
            });
    return found.get(0);
  }

  private static Instant instant(Map<String, Object> row, String column) {
    Object value = row.get(column);
    assertThat(value).as(column).isNotNull();
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    return ((OffsetDateTime) value).toInstant();
  }

  private static Map<String, String> columnTypes(String table) throws SQLException {
    Map<String, String> types = new LinkedHashMap<>();
    try (Connection connection = database();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT column_name, data_type, numeric_precision, numeric_scale "
                    + "FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '"
                    + table
                    + "' ORDER BY ordinal_position")) {
      while (rows.next()) {
        String type = rows.getString("data_type");
        if ("numeric".equals(type)) {
          type += "(" + rows.getInt("numeric_precision") + "," + rows.getInt("numeric_scale") + ")";
        }
        types.put(rows.getString("column_name"), type);
      }
    }
    return types;
  }

  private static List<String> primaryKey(String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Connection connection = database();
        ResultSet rows = connection.getMetaData().getPrimaryKeys(null, "public", table)) {
      Map<Integer, String> bySequence = new TreeMap<>();
      while (rows.next()) {
        bySequence.put(rows.getInt("KEY_SEQ"), rows.getString("COLUMN_NAME"));
      }
      columns.addAll(bySequence.values());
    }
    return columns;
  }

  private static ConsumerRecord<byte[], byte[]> awaitDeadLetter(String value, String connector) {
    List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of("food-sink-dlq"));
      await()
          .atMost(ROW_TIMEOUT)
          .until(
              () -> {
                for (ConsumerRecord<byte[], byte[]> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  if (value.equals(new String(record.value(), StandardCharsets.UTF_8))
                      && connector.equals(header(record, "__connect.errors.connector.name"))) {
                    found.add(record);
                  }
                }
                return !found.isEmpty();
              });
    }
    return found.get(0);
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
