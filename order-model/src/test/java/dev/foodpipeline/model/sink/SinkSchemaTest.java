package dev.foodpipeline.model.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foodpipeline.model.RestaurantStats;
import dev.foodpipeline.model.topics.Topics;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;

/** The description renders the DDL and the Connect schemas, and they agree column by column. */
class SinkSchemaTest {
  private static final Pattern TABLE =
      Pattern.compile("CREATE TABLE IF NOT EXISTS (\\w+) \\((.*?)\\n\\);", Pattern.DOTALL);
  private static final Pattern COLUMN =
      Pattern.compile("^ {4}(\\w+) +(\\w+(?:\\(\\d+,\\d+\\))?)( +NOT NULL)?(.*?),?$");
  private static final Pattern KEY = Pattern.compile("PRIMARY KEY \\(([\\w, ]+)\\)");

  /** A column as the DDL declares it. */
  record DdlColumn(String type, boolean notNull, String rest) {}

  /** The rendered DDL, parsed back: table, its columns in order, its primary key. */
  private static Map<String, Map<String, DdlColumn>> tables() {
    Map<String, Map<String, DdlColumn>> tables = new LinkedHashMap<>();
    Matcher table = TABLE.matcher(SinkSchema.ddl());
    while (table.find()) {
      Map<String, DdlColumn> columns = new LinkedHashMap<>();
      for (String line : table.group(2).lines().toList()) {
        Matcher column = COLUMN.matcher(line);
        if (column.matches() && !column.group(1).equals("CONSTRAINT")) {
          columns.put(
              column.group(1),
              new DdlColumn(column.group(2), column.group(3) != null, column.group(4).strip()));
        }
      }
      tables.put(table.group(1), columns);
    }
    return tables;
  }

  private static List<String> primaryKey(String table) {
    Matcher matcher = TABLE.matcher(SinkSchema.ddl());
    while (matcher.find()) {
      if (matcher.group(1).equals(table)) {
        Matcher key = KEY.matcher(matcher.group(2));
        assertThat(key.find()).as(table + " has a primary key").isTrue();
        return List.of(key.group(1).split(", "));
      }
    }
    throw new AssertionError("no table " + table);
  }

  @Test
  void theDdlCreatesTheFiveTablesOfTheDesign() {
    assertThat(tables())
        .containsOnlyKeys(
            "orders", "order_items", "rejected_orders", "restaurant_stats", "notifications");
    assertThat(SinkSchema.tables())
        .extracting(SinkTable::name)
        .containsExactly(
            "orders", "order_items", "rejected_orders", "restaurant_stats", "notifications");
  }

  @Test
  void theOrdersTableHasItsColumnsWithExactTypes() {
    Map<String, DdlColumn> orders = tables().get("orders");
    assertThat(orders.keySet())
        .containsExactly(
            "order_id",
            "customer_id",
            "restaurant_id",
            "restaurant_name",
            "cuisine",
            "city",
            "item_count",
            "subtotal",
            "tax",
            "delivery_fee",
            "total",
            "delivery_street",
            "delivery_city",
            "delivery_postal_code",
            "created_at",
            "estimated_ready_at",
            "processed_at",
            "source_partition",
            "source_offset",
            "written_at");
    assertThat(orders.get("total")).isEqualTo(new DdlColumn("numeric(12,2)", true, ""));
    assertThat(orders.get("created_at")).isEqualTo(new DdlColumn("timestamptz", true, ""));
    assertThat(orders.get("source_offset")).isEqualTo(new DdlColumn("bigint", true, ""));
    assertThat(primaryKey("orders")).containsExactly("order_id");
  }

  @Test
  void everyTableHasWrittenAtFilledByPostgresAndAPrimaryKeyOfItsRecordKey() {
    tables()
        .forEach(
            (table, columns) ->
                assertThat(columns.get(SinkTable.WRITTEN_AT))
                    .as(table)
                    .isEqualTo(new DdlColumn("timestamptz", true, "DEFAULT clock_timestamp()")));
    assertThat(primaryKey("order_items")).containsExactly("order_id", "line_no");
    assertThat(primaryKey("rejected_orders"))
        .containsExactly("source_topic", "source_partition", "source_offset");
    assertThat(primaryKey("restaurant_stats")).containsExactly("restaurant_id", "window_start");
    assertThat(primaryKey("notifications")).containsExactly("notification_id");
  }

  @Test
  void theTablesTheDashboardReadsByWrittenAtHaveAnIndexOnIt() {
    assertThat(SinkSchema.ddl().lines().filter(line -> line.startsWith("CREATE INDEX")))
        .containsExactly(
            "CREATE INDEX IF NOT EXISTS orders_written_at ON orders (written_at);",
            "CREATE INDEX IF NOT EXISTS rejected_orders_written_at ON rejected_orders (written_at);",
            "CREATE INDEX IF NOT EXISTS notifications_written_at ON notifications (written_at);");
  }

  @Test
  void onlyTheOptionalFieldsOfARejectionAreNullable() {
    Map<String, DdlColumn> rejected = tables().get("rejected_orders");
    assertThat(rejected.entrySet().stream().filter(e -> !e.getValue().notNull()))
        .extracting(Map.Entry::getKey)
        .containsExactly("order_id", "raw", "rejected_at");
    Map<String, DdlColumn> notifications = tables().get("notifications");
    assertThat(notifications.entrySet().stream().filter(e -> !e.getValue().notNull()))
        .extracting(Map.Entry::getKey)
        .containsExactly(
            "customer_id",
            "restaurant_id",
            "order_id",
            "total",
            "estimated_ready_at",
            "reason_code",
            "orders_in_window",
            "capacity");
    tables().entrySet().stream()
        .filter(e -> !List.of("rejected_orders", "notifications").contains(e.getKey()))
        .forEach(e -> assertThat(e.getValue().values()).allMatch(DdlColumn::notNull));
  }

  @Test
  void everyColumnOfTheDdlButWrittenAtIsAFieldOfTheValueSchemaWithTheMatchingType() {
    Map<String, Map<String, DdlColumn>> ddl = tables();
    for (SinkTable table : SinkSchema.tables()) {
      Map<String, DdlColumn> columns = new LinkedHashMap<>(ddl.get(table.name()));
      columns.remove(SinkTable.WRITTEN_AT);
      Schema value = table.valueSchema();
      assertThat(value.fields())
          .as(table.name())
          .extracting(Field::name)
          .containsExactlyElementsOf(columns.keySet());
      for (Field field : value.fields()) {
        DdlColumn column = columns.get(field.name());
        assertThat(sqlTypeOf(field.schema()))
            .as(table.name() + "." + field.name())
            .isEqualTo(column.type());
        assertThat(field.schema().isOptional())
            .as(table.name() + "." + field.name() + " optional")
            .isEqualTo(!column.notNull());
      }
    }
  }

  @Test
  void theKeySchemaFieldsAreThePrimaryKeyColumns() {
    for (SinkTable table : SinkSchema.tables()) {
      if (table.keyFromValue()) {
        assertThat(table.keySchema()).as(table.name()).isNull();
        for (Column<?> key : table.primaryKey()) {
          assertThat(table.valueSchema().field(key.name()).schema().isOptional()).isFalse();
        }
        continue;
      }
      assertThat(table.keySchema().fields())
          .as(table.name())
          .extracting(Field::name)
          .containsExactlyElementsOf(primaryKey(table.name()));
      for (Field key : table.keySchema().fields()) {
        assertThat(key.schema()).isEqualTo(table.valueSchema().field(key.name()).schema());
      }
    }
  }

  @Test
  void eachTableIsWrittenFromATopicOfTheRegistry() {
    Map<String, String> topicOfTable = new LinkedHashMap<>();
    SinkSchema.tables().forEach(table -> topicOfTable.put(table.name(), table.topic().name()));
    assertThat(topicOfTable)
        .containsExactly(
            Map.entry("orders", "food-orders-processed"),
            Map.entry("order_items", "food-order-items"),
            Map.entry("rejected_orders", "food-orders-rejected"),
            Map.entry("restaurant_stats", "restaurant-stats"),
            Map.entry("notifications", "order-notifications"));
    SinkSchema.tables().forEach(table -> assertThat(Topics.all()).contains(table.topic()));
  }

  @Test
  void theConnectSchemasKeepTheirNames() {
    assertThat(OrdersTable.TABLE.keySchema().name()).isEqualTo("dev.foodpipeline.OrderKey");
    assertThat(OrdersTable.TABLE.valueSchema().name()).isEqualTo("dev.foodpipeline.ProcessedOrder");
    assertThat(RestaurantStatsTable.TABLE.valueSchema().name())
        .isEqualTo("dev.foodpipeline.RestaurantStats");
  }

  @Test
  void aColumnIsNamedWithItsTable() {
    assertThat(OrdersTable.DELIVERY_POSTAL_CODE.qualifiedName())
        .isEqualTo(OrdersTable.TABLE.name() + ".delivery_postal_code");
    assertThat(OrdersTable.TABLE.columnNames()).contains(OrdersTable.DELIVERY_POSTAL_CODE.name());
    assertThat(ColumnType.MONEY).hasToString("numeric(12,2)");
  }

  @Test
  void aTablesWriterPutsEveryColumnInTableOrder() {
    RestaurantStats stats =
        new RestaurantStats(
            "r-001",
            Instant.parse("2026-12-05T10:00:00Z"),
            Instant.parse("2026-12-05T10:01:00Z"),
            3,
            new BigDecimal("42.50"));
    Map<Column<?>, Object> values = RowWriter.values(RestaurantStatsTable::write, stats);
    assertThat(List.copyOf(values.keySet())).isEqualTo(RestaurantStatsTable.TABLE.columns());
    assertThat(values.get(RestaurantStatsTable.REVENUE)).isEqualTo(new BigDecimal("42.50"));
    Row row =
        new Row() {
          @Override
          public <T> T get(Column<T> column) {
            return column.type().javaType().cast(values.get(column));
          }
        };
    assertThat(RestaurantStatsTable.read(row)).isEqualTo(stats);
  }

  @Test
  void aTableRefusesATwiceNamedColumnAndAKeyOutsideItsColumns() {
    SinkTable.Builder builder = SinkTable.builder("t", () -> Topics.FOOD_ORDERS);
    Column<String> id = builder.column("id", ColumnType.TEXT);
    Column<String> note = builder.nullableColumn("note", ColumnType.TEXT);
    assertThatThrownBy(() -> builder.column("id", ColumnType.TEXT))
        .hasMessage("t has column id twice");
    assertThatThrownBy(() -> builder.column(SinkTable.WRITTEN_AT, ColumnType.TIMESTAMPTZ))
        .hasMessage("t has column written_at twice");
    assertThatThrownBy(() -> builder.build("k", "v", List.of(), note))
        .hasMessage("the primary key of t names t.note, not a NOT NULL column of it");
    assertThat(builder.build("k", "v", List.of(), id).primaryKey()).containsExactly(id);
  }

  private static String sqlTypeOf(Schema schema) {
    if (Decimal.LOGICAL_NAME.equals(schema.name())) {
      assertThat(schema.parameters()).containsEntry(Decimal.SCALE_FIELD, "2");
      return "numeric(12,2)";
    }
    if (Timestamp.LOGICAL_NAME.equals(schema.name())) {
      return "timestamptz";
    }
    return switch (schema.type()) {
      case STRING -> "text";
      case INT32 -> "integer";
      case INT64 -> "bigint";
      default -> throw new AssertionError("no column type for " + schema);
    };
  }
}
