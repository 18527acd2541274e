package dev.foodpipeline.generator.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.generator.GeneratedOrder;
import dev.foodpipeline.generator.GenerationSpec;
import dev.foodpipeline.generator.InvalidKind;
import dev.foodpipeline.generator.InvalidMix;
import dev.foodpipeline.generator.OrderFactory;
import dev.foodpipeline.generator.cli.GeneratorCommand;
import dev.foodpipeline.generator.cli.GeneratorEnvironment;
import dev.foodpipeline.generator.fakes.FakeSinkTables;
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
import dev.foodpipeline.model.sink.SinkTable;
import dev.foodpipeline.shell.ExitCodes;
import dev.foodpipeline.sink.RejectionRow;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * reconcile against a real PostgreSQL holding the sink's tables (connect/sql/schema.sql), filled as
 * a working pipeline fills them, then tampered with. Each test uses its own seed, so their order
 * ids do not meet.
 */
class ReconcileIT {
  private static final Clock CLOCK =
      Clock.fixed(Instant.now().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
  private static PostgresServer postgres;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = PostgresServer.start();
    String schema = Files.readString(Path.of("../connect/sql/schema.sql"));
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute(schema);
    }
  }

  @AfterAll
  static void stopPostgres() {
    if (postgres != null) {
      postgres.close();
    }
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
  }

  private int reconcile(String... args) {
    CommandLine command =
        GeneratorCommand.newCommandLine(
            GeneratorEnvironment.system().withClock(CLOCK).withEnv(java.util.Map.of()));
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    List<String> all =
        new ArrayList<>(
            List.of(
                "reconcile",
                "--jdbc-user",
                postgres.user(),
                "--jdbc-password",
                postgres.password()));
    if (!List.of(args).contains("--jdbc-url")) {
      all.addAll(List.of("--jdbc-url", postgres.jdbcUrl()));
    }
    all.addAll(List.of(args));
    return command.execute(all.toArray(String[]::new));
  }

  /** Inserts records into a table as the sink does: every column the description's writer puts. */
  private static <T> void insert(
      Connection connection, SinkTable table, BiConsumer<T, RowWriter> writer, List<T> rows)
      throws SQLException {
    String columns = String.join(", ", table.columnNames());
    String values = String.join(", ", Collections.nCopies(table.columns().size(), "?"));
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO " + table.name() + " (" + columns + ") VALUES (" + values + ")")) {
      for (T row : rows) {
        List<Object> parameters =
            RowWriter.values(writer, row).values().stream()
                .map(value -> value instanceof Instant i ? Timestamp.from(i) : value)
                .toList();
        for (int i = 0; i < parameters.size(); i++) {
          insert.setObject(i + 1, parameters.get(i));
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** Writes the rows a working pipeline writes for a run, as the JDBC sink would. */
  private static FakeSinkTables sink(OrderFactory factory, int count) throws SQLException {
    FakeSinkTables rows =
        new FakeSinkTables()
            .startingAtOffset(factory.spec().seed() * 100_000)
            .sink(factory, 1, count);
    insert(rows.orders, rows.items, rows.rejections, rows.notifications);
    return rows;
  }

  private static void insert(
      List<ProcessedOrder> orders,
      List<ProcessedItem> items,
      List<RejectionRow> rejections,
      List<Notification> notifications)
      throws SQLException {
    try (Connection connection = connect()) {
      insert(connection, OrdersTable.TABLE, OrdersTable::write, orders);
      insert(connection, OrderItemsTable.TABLE, OrderItemsTable::write, items);
      insert(connection, NotificationsTable.TABLE, NotificationsTable::write, notifications);
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO rejected_orders (source_topic, source_partition, source_offset, order_id, reason_code, reason, raw,"
                  + " rejected_at) VALUES (?,?,?,?,?,?,?, now())")) {
        for (RejectionRow r : rejections) {
          insert.setString(1, r.sourceTopic());
          insert.setInt(2, r.sourcePartition());
          insert.setLong(3, r.sourceOffset());
          insert.setString(4, r.orderId());
          insert.setString(5, r.reasonCode());
          insert.setString(6, "because");
          insert.setString(7, r.raw());
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }

  private static int execute(String sql) throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      return statement.executeUpdate(sql);
    }
  }

  @Test
  void aRunThatLandedWhollyMatches() throws Exception {
    OrderFactory factory =
        new OrderFactory(GenerationSpec.of(101, 0.3).withInvalidMix(InvalidMix.ALL), CLOCK);
    sink(factory, 400);

    int exit =
        reconcile(
            "--seed",
            "101",
            "--count",
            "400",
            "--invalid-ratio",
            "0.3",
            "--invalid-kinds",
            "all",
            "--wait",
            "30s");

    assertThat(exit).as(out + "\n" + err).isZero();
    assertThat(out.toString())
        .contains("OK: PostgreSQL holds exactly what the run must have produced.")
        .contains("DUPLICATE_ORDER");
  }

  @Test
  void aDeletedRowADuplicateAChangedTotalAndARejectedOrderInOrdersAreEachNamed() throws Exception {
    OrderFactory factory = new OrderFactory(GenerationSpec.of(102, 0.2), CLOCK);
    sink(factory, 300);
    List<GeneratedOrder> valid = factory.generate(1, 300).filter(GeneratedOrder::isValid).toList();
    String deleted = valid.get(3).key();
    String duplicated = valid.get(7).key();
    String changed = valid.get(11).key();
    String rejected =
        factory.generate(1, 300).filter(g -> !g.isValid()).findFirst().orElseThrow().key();
    assertThat(execute("DELETE FROM orders WHERE order_id = '" + deleted + "'")).isOne();
    assertThat(
            execute(
                "INSERT INTO rejected_orders (source_topic, source_partition, source_offset, order_id, reason_code, reason)"
                    + " VALUES ('food-orders', 0, 999999, '"
                    + duplicated
                    + "', 'MALFORMED_JSON', 'replayed')"))
        .isOne();
    assertThat(execute("UPDATE orders SET total = total + 1 WHERE order_id = '" + changed + "'"))
        .isOne();
    assertThat(
            execute(
                "INSERT INTO orders SELECT '"
                    + rejected
                    + "', "
                    // every column after order_id, the first
                    + String.join(
                        ", ",
                        OrdersTable.TABLE
                            .columnNames()
                            .subList(1, OrdersTable.TABLE.columns().size()))
                    + ", "
                    + SinkTable.WRITTEN_AT
                    + " FROM orders WHERE order_id = '"
                    + changed
                    + "'"))
        .isOne();

    int exit = reconcile("--seed", "102", "--count", "300", "--invalid-ratio", "0.2");

    assertThat(exit).as(out.toString()).isEqualTo(ExitCodes.PROBLEM);
    assertThat(out.toString())
        .contains("MISMATCH: 4 order ids are wrong:")
        .contains(deleted + "  missing from orders")
        .contains(
            duplicated
                + "  in rejected_orders as MALFORMED_JSON (at 0@999999), but it is a valid order")
        .contains(changed + "  orders.total is ")
        .contains(rejected + "  in orders, but must be rejected as")
        .containsPattern("order ids with duplicates\\s+2");
  }

  @Test
  void aCustomerNotToldOrToldTwiceIsNamedButARestaurantsNotificationIsNoneOfItsBusiness()
      throws Exception {
    OrderFactory factory = new OrderFactory(GenerationSpec.of(105, 0.3), CLOCK);
    FakeSinkTables rows = sink(factory, 200);
    Notification confirmed =
        rows.notifications.stream()
            .filter(n -> n.type() == NotificationType.ORDER_CONFIRMED)
            .findFirst()
            .orElseThrow();
    Notification rejected =
        rows.notifications.stream()
            .filter(n -> n.type() == NotificationType.ORDER_REJECTED)
            .findFirst()
            .orElseThrow();
    assertThat(
            execute(
                "DELETE FROM notifications WHERE notification_id = '"
                    + confirmed.notificationId()
                    + "'"))
        .isOne();
    assertThat(
            execute(
                "INSERT INTO notifications SELECT 'order-rejected:again', "
                    + String.join(
                        ", ",
                        NotificationsTable.TABLE
                            .columnNames()
                            .subList(1, NotificationsTable.TABLE.columns().size()))
                    + ", "
                    + SinkTable.WRITTEN_AT
                    + " FROM notifications WHERE notification_id = '"
                    + rejected.notificationId()
                    + "'"))
        .isOne();
    try (Connection connection = connect()) {
      insert(
          connection,
          NotificationsTable.TABLE,
          NotificationsTable::write,
          List.of(
              new Notification(
                  "kitchen-overloaded:" + confirmed.restaurantId() + ":1",
                  NotificationType.KITCHEN_OVERLOADED,
                  null,
                  confirmed.restaurantId(),
                  confirmed.orderId(),
                  "busy",
                  null,
                  null,
                  null,
                  9L,
                  8L,
                  CLOCK.instant(),
                  CLOCK.instant())));
    }

    int exit =
        reconcile("--seed", "105", "--count", "200", "--invalid-ratio", "0.3", "--wait", "10s");

    assertThat(exit).as(out.toString()).isEqualTo(ExitCodes.PROBLEM);
    assertThat(out.toString())
        .contains("MISMATCH: 2 order ids are wrong:")
        .contains(
            confirmed.orderId()
                + "  missing from notifications (ORDER_CONFIRMED "
                + confirmed.notificationId()
                + ")")
        .contains(
            rejected.orderId()
                + "  in notifications as ORDER_REJECTED order-rejected:again: the customer was told"
                + " more than once");
  }

  @Test
  void aRejectionStoredWithoutItsOrderIdIsMatchedByItsRawBytes() throws Exception {
    OrderFactory factory =
        new OrderFactory(
            GenerationSpec.of(103, 0.5).withInvalidMix(InvalidMix.of(InvalidKind.MALFORMED_JSON)),
            CLOCK);
    FakeSinkTables rows = new FakeSinkTables().startingAtOffset(103 * 100_000).sink(factory, 1, 60);
    List<RejectionRow> withoutIds =
        rows.rejections.stream()
            .map(
                r ->
                    new RejectionRow(
                        r.sourceTopic(),
                        r.sourcePartition(),
                        r.sourceOffset(),
                        null,
                        r.reasonCode(),
                        "base64:"
                            + Base64.getEncoder()
                                .encodeToString(
                                    ("\u00ff" + r.orderId())
                                        .getBytes(StandardCharsets.ISO_8859_1))))
            .toList();
    insert(rows.orders, rows.items, withoutIds, rows.notifications);

    assertThat(
            reconcile(
                "--seed",
                "103",
                "--count",
                "60",
                "--invalid-ratio",
                "0.5",
                "--invalid-kinds",
                "malformed-json"))
        .as(out.toString())
        .isZero();
  }

  @Test
  void tablesThatDoNotExistReadAsEmpty() throws Exception {
    int exit =
        reconcile(
            "--seed",
            "104",
            "--count",
            "10",
            "--jdbc-url",
            postgres.jdbcUrl() + "?currentSchema=nothing_here");

    assertThat(exit).isEqualTo(ExitCodes.PROBLEM);
    assertThat(out.toString()).containsPattern("orders\\s+\\d+\\s+0\\s+\\d+\\s+0\\s+0");
  }

  @Test
  void anUnreachableDatabaseIsOneLineAndExitFiveWithinTheTimeout() throws Exception {
    int port = Ports.free();
    long start = System.nanoTime();

    int exit =
        reconcile(
            "--count",
            "10",
            "--jdbc-url",
            "jdbc:postgresql://127.0.0.1:" + port + "/food",
            "--db-timeout",
            "3s");

    assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.DATABASE_ERROR);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    assertThat(err.toString().lines())
        .singleElement()
        .asString()
        .startsWith("Couldn't reach PostgreSQL at jdbc:postgresql://127.0.0.1:" + port + "/food: ");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aDatabaseThatDoesNotExistIsNamed() {
    int exit =
        reconcile(
            "--count", "10", "--jdbc-url", postgres.jdbcUrl().replace("/food", "/no_such_db"));

    assertThat(exit).isEqualTo(ExitCodes.DATABASE_ERROR);
    assertThat(err.toString()).startsWith("PostgreSQL at ").contains("no_such_db");
  }
}
