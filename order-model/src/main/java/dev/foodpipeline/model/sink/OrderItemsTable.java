package dev.foodpipeline.model.sink;

import static dev.foodpipeline.model.sink.ColumnType.INTEGER;
import static dev.foodpipeline.model.sink.ColumnType.MONEY;
import static dev.foodpipeline.model.sink.ColumnType.TEXT;

import dev.foodpipeline.model.OrderItemKey;
import dev.foodpipeline.model.ProcessedItem;
import dev.foodpipeline.model.topics.Topics;
import java.math.BigDecimal;
import java.util.List;

/** {@code order_items}: one row per line of an accepted order, from {@code food-order-items}. */
public final class OrderItemsTable {
  private static final SinkTable.Builder COLUMNS =
      SinkTable.builder("order_items", () -> Topics.FOOD_ORDER_ITEMS);

  public static final Column<String> ORDER_ID = COLUMNS.column("order_id", TEXT);
  public static final Column<Integer> LINE_NO = COLUMNS.column("line_no", INTEGER);
  public static final Column<String> MENU_ITEM_ID = COLUMNS.column("menu_item_id", TEXT);
  public static final Column<String> ITEM_NAME = COLUMNS.column("item_name", TEXT);
  public static final Column<Integer> QUANTITY = COLUMNS.column("quantity", INTEGER);
  public static final Column<BigDecimal> UNIT_PRICE = COLUMNS.column("unit_price", MONEY);
  public static final Column<BigDecimal> LINE_TOTAL = COLUMNS.column("line_total", MONEY);

  public static final SinkTable TABLE =
      COLUMNS.build(
          "dev.foodpipeline.OrderItemKey",
          "dev.foodpipeline.ProcessedItem",
          List.of("order_items: one row per line of an accepted order."),
          ORDER_ID,
          LINE_NO);

  private OrderItemsTable() {}

  public static void write(ProcessedItem i, RowWriter row) {
    row.put(ORDER_ID, i.orderId())
        .put(LINE_NO, i.lineNo())
        .put(MENU_ITEM_ID, i.menuItemId())
        .put(ITEM_NAME, i.itemName())
        .put(QUANTITY, i.quantity())
        .put(UNIT_PRICE, i.unitPrice())
        .put(LINE_TOTAL, i.lineTotal());
  }

  public static ProcessedItem read(Row row) {
    return new ProcessedItem(
        row.get(ORDER_ID),
        row.get(LINE_NO),
        row.get(MENU_ITEM_ID),
        row.get(ITEM_NAME),
        row.get(QUANTITY),
        row.get(UNIT_PRICE),
        row.get(LINE_TOTAL));
  }

  public static void writeKey(OrderItemKey key, RowWriter row) {
    row.put(ORDER_ID, key.orderId()).put(LINE_NO, key.lineNo());
  }

  public static OrderItemKey readKey(Row row) {
    return new OrderItemKey(row.get(ORDER_ID), row.get(LINE_NO));
  }
}
