package dev.foodpipeline.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foodpipeline.infra.Ports;
import dev.foodpipeline.infra.PostgresServer;
import dev.foodpipeline.model.Notification;
import dev.foodpipeline.model.NotificationType;
import dev.foodpipeline.model.ProcessedItem;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.sink.NotificationsTable;
import dev.foodpipeline.model.sink.OrderItemsTable;
import dev.foodpipeline.model.sink.OrdersTable;
import dev.foodpipeline.model.sink.RowWriter;
import dev.foodpipeline.model.sink.SinkSchema;
import dev.foodpipeline.model.sink.SinkTable;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The readers against a real PostgreSQL holding the tables of {@link SinkSchema#ddl()}, with rows
 * written by the description's own writers.
 */
class JdbcSinkTablesIT {
  private static final Instant CREATED = Instant.parse("2026-12-05T10:15:30Z");
  private static PostgresServer postgres;

  @BeforeAll
  static void startPostgres() throws SQLException {
    postgres = PostgresServer.start();
    try (Connection connection = connect(postgres.jdbcUrl());
        Statement statement = connection.createStatement()) {
      statement.execute(SinkSchema.ddl());
      statement.execute("CREATE SCHEMA empty");
    }
    insert(OrdersTable.TABLE, OrdersTable::write, List.of(order("o-1-00000001", 0)));
    insert(
        OrderItemsTable.TABLE,
        OrderItemsTable::write,
        List.of(item("o-1-00000001", 1), item("o-1-00000001", 2), item("o-1-00000003", 1)));
    insert(NotificationsTable.TABLE, NotificationsTable::write, NOTIFICATIONS);
    try (Connection connection = connect(postgres.jdbcUrl());
        Statement statement = connection.createStatement()) {
      statement.execute(
          "INSERT INTO rejected_orders (source_topic, source_partition, source_offset, order_id,"
              + " reason_code, reason, raw) VALUES"
              + " ('food-orders', 1, 7, 'o-1-00000002', 'PRICE_MISMATCH', 'price', '{\"x\":1}'),"
              + " ('food-orders', 2, 8, NULL, 'MALFORMED_JSON', 'json', '{\"orderId\":\"o-1-00000004\"'),"
              + " ('food-orders', 2, 9, NULL, 'MALFORMED_JSON', 'json', 'base64:AAE='),"
              + " ('food-orders', 0, 3, NULL, 'MALFORMED_JSON', 'json', 'something else')");
    }
  }

  @AfterAll
  static void stopPostgres() {
    if (postgres != null) {
      postgres.close();
    }
  }

  private static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, postgres.user(), postgres.password());
  }

  private static DatabaseSettings settings(String url) {
    return new DatabaseSettings(url, postgres.user(), postgres.password(), Duration.ofSeconds(5));
  }

  private record Range(String lowId, String highId) implements SinkTables.IdRange {}

  private static final Range RUN = new Range("o-1-00000001", "o-1-00000004");

  /** Notifications of seed 2's orders: two customers', one without an order id, a kitchen's. */
  private static final Range NOTIFIED = new Range("o-2-00000001", "o-2-00000009");

  private static final Notification CONFIRMED =
      new Notification(
          "order-confirmed:o-2-00000001",
          NotificationType.ORDER_CONFIRMED,
          "c-7",
          "r-3",
          "o-2-00000001",
          "Trattoria confirmed your order",
          new BigDecimal("26.60"),
          CREATED.plusSeconds(1_200),
          null,
          null,
          null,
          CREATED,
          CREATED.plusSeconds(2));
  private static final Notification REJECTED =
      new Notification(
          "order-rejected:food-orders-1-17",
          NotificationType.ORDER_REJECTED,
          "c-8",
          "r-3",
          "o-2-00000002",
          "A dish of your order is not on the menu",
          null,
          null,
          "UNKNOWN_MENU_ITEM",
          null,
          null,
          CREATED,
          CREATED.plusSeconds(3));
  private static final Notification REJECTED_WITHOUT_ID =
      new Notification(
          "order-rejected:food-orders-2-18",
          NotificationType.ORDER_REJECTED,
          "c-9",
          null,
          null,
          "Your order could not be read",
          null,
          null,
          "SCHEMA_VIOLATION",
          null,
          null,
          CREATED,
          CREATED.plusSeconds(3));
  private static final Notification OVERLOADED =
      new Notification(
          "kitchen-overloaded:r-3:1",
          NotificationType.KITCHEN_OVERLOADED,
          null,
          "r-3",
          "o-2-00000003",
          "Your kitchen has more orders than it can cook",
          null,
          null,
          null,
          12L,
          10L,
          CREATED,
          CREATED.plusSeconds(4));
  private static final List<Notification> NOTIFICATIONS =
      List.of(CONFIRMED, REJECTED, REJECTED_WITHOUT_ID, OVERLOADED);

  private static ProcessedOrder order(String id, int partition) {
    return new ProcessedOrder(
        id,
        "c-7",
        "r-3",
        "Trattoria",
        "italian",
        "Lyon",
        2,
        new BigDecimal("21.00"),
        new BigDecimal("2.10"),
        new BigDecimal("3.50"),
        new BigDecimal("26.60"),
        "1 Rue de la Paix",
        "Lyon",
        "69001",
        CREATED,
        CREATED.plusSeconds(1_200),
        CREATED.plusSeconds(2),
        partition,
        42L);
  }

  private static ProcessedItem item(String orderId, int line) {
    return new ProcessedItem(
        orderId,
        line,
        "m-" + line,
        "Pizza " + line,
        line,
        new BigDecimal("10.50"),
        new BigDecimal("10.50").multiply(BigDecimal.valueOf(line)));
  }

  /** Inserts records as the sink does: each column the description's writer puts. */
  private static <T> void insert(SinkTable table, BiConsumer<T, RowWriter> writer, List<T> rows)
      throws SQLException {
    String sql =
        "INSERT INTO "
            + table.name()
            + " ("
            + String.join(", ", table.columnNames())
            + ") VALUES ("
            + String.join(", ", table.columnNames().stream().map(c -> "?").toList())
            + ")";
    try (Connection connection = connect(postgres.jdbcUrl());
        PreparedStatement insert = connection.prepareStatement(sql)) {
      for (T row : rows) {
        List<Object> values =
            RowWriter.values(writer, row).values().stream()
                .map(value -> value instanceof Instant i ? i.atOffset(ZoneOffset.UTC) : value)
                .toList();
        for (int i = 0; i < values.size(); i++) {
          insert.setObject(i + 1, values.get(i));
        }
        insert.executeUpdate();
      }
    }
  }

  @Test
  void readsBackWhatTheSinkWroteForARangeOfOrderIds() {
    try (SinkTables tables = JdbcSinkTables.open(settings(postgres.jdbcUrl()))) {
      assertThat(tables.orders(RUN)).containsExactly(order("o-1-00000001", 0));
      assertThat(tables.items(RUN))
          .containsExactlyInAnyOrder(
              item("o-1-00000001", 1), item("o-1-00000001", 2), item("o-1-00000003", 1));
      assertThat(tables.rejections(RUN))
          .containsExactly(
              new RejectionRow("food-orders", 1, 7, "o-1-00000002", "PRICE_MISMATCH", null));
      assertThat(tables.count(RUN)).isEqualTo(new SinkTables.Counts(1, 3, 1));
      assertThat(tables.count(new Range("o-1-00000002", "o-1-00000002")))
          .isEqualTo(new SinkTables.Counts(0, 0, 1));
      assertThat(tables.describe()).isEqualTo("PostgreSQL at " + postgres.jdbcUrl());
    }
  }

  @Test
  void readsRejectionsWithTheirRawText() {
    try (SinkTables tables = JdbcSinkTables.open(settings(postgres.jdbcUrl()))) {
      assertThat(tables.rejectionsWithRaw(RUN))
          .containsExactly(
              new RejectionRow("food-orders", 1, 7, "o-1-00000002", "PRICE_MISMATCH", "{\"x\":1}"));
    }
  }

  @Test
  void readsTheCustomersNotificationsOfARangeAndNotificationsByTheirIds() {
    try (SinkTables tables = JdbcSinkTables.open(settings(postgres.jdbcUrl()))) {
      assertThat(tables.customerNotifications(NOTIFIED))
          .containsExactlyInAnyOrder(CONFIRMED, REJECTED);
      assertThat(tables.count(NOTIFIED)).isEqualTo(new SinkTables.Counts(0, 0, 0, 2));
      assertThat(tables.count(RUN).notifications()).isZero();
      assertThat(
              tables.notificationsNamed(
                  List.of("order-rejected:food-orders-2-18", "kitchen-overloaded:r-3:1", "none")))
          .containsExactlyInAnyOrder(REJECTED_WITHOUT_ID, OVERLOADED);
      assertThat(tables.notificationsNamed(List.of())).isEmpty();
    }
  }

  @Test
  void rejectionsWithoutAnOrderIdAreThoseWhoseRawTextMayHoldOne() {
    try (SinkTables tables = JdbcSinkTables.open(settings(postgres.jdbcUrl()))) {
      assertThat(tables.rejectionsWithoutOrderId("o-1-"))
          .extracting(RejectionRow::position, RejectionRow::raw)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("2@8", "{\"orderId\":\"o-1-00000004\""),
              org.assertj.core.groups.Tuple.tuple("2@9", "base64:AAE="));
    }
  }

  @Test
  void tablesTheSinkHasNotCreatedYetReadAsEmpty() {
    String empty =
        postgres.jdbcUrl() + (postgres.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=empty";
    try (SinkTables tables = JdbcSinkTables.open(settings(empty))) {
      assertThat(tables.count(RUN)).isEqualTo(SinkTables.Counts.NONE);
      assertThat(tables.orders(RUN)).isEmpty();
      assertThat(tables.rejectionsWithoutOrderId("o-1-")).isEmpty();
      assertThat(tables.customerNotifications(NOTIFIED)).isEmpty();
      assertThat(tables.notificationsNamed(List.of("order-confirmed:o-2-00000001"))).isEmpty();
    }
  }

  @Test
  void aDatabaseThatIsNotThereIsOneLine() {
    String missing = postgres.jdbcUrl().replaceAll("/[^/]+$", "/nothing");
    assertThatThrownBy(() -> JdbcSinkTables.open(settings(missing)))
        .isInstanceOf(DatabaseException.class)
        .hasMessageStartingWith("PostgreSQL at " + missing + " has no such database: ")
        .hasMessageNotContaining("\n");
    String closed = "jdbc:postgresql://127.0.0.1:" + Ports.free() + "/food";
    assertThatThrownBy(() -> JdbcSinkTables.open(settings(closed)))
        .isInstanceOf(DatabaseException.class)
        .hasMessageStartingWith("Couldn't reach PostgreSQL at " + closed + ": ");
  }
}
