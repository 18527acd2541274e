package dev.foodpipeline.model.connect;

import dev.foodpipeline.model.Notification;
import dev.foodpipeline.model.OrderItemKey;
import dev.foodpipeline.model.OrderKey;
import dev.foodpipeline.model.ProcessedItem;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.RejectedOrder;
import dev.foodpipeline.model.RejectionKey;
import dev.foodpipeline.model.RestaurantStats;
import dev.foodpipeline.model.RestaurantStatsKey;
import dev.foodpipeline.model.sink.NotificationsTable;
import dev.foodpipeline.model.sink.OrderItemsTable;
import dev.foodpipeline.model.sink.OrdersTable;
import dev.foodpipeline.model.sink.RejectedOrdersTable;
import dev.foodpipeline.model.sink.RestaurantStatsTable;

/**
 * The Connect schemas of the processed topics, taken from the sink tables they are written into
 * ({@code dev.foodpipeline.model.sink}): a value's fields are its table's columns (snake_case), a
 * key's fields its primary key; money is the Connect {@code Decimal} type with scale 2, times are
 * the Connect {@code Timestamp} type. Values repeat their key fields so that a topic is readable on
 * its own.
 */
public final class ConnectMappings {
  private ConnectMappings() {}

  public static final ConnectMapping<OrderKey> ORDER_KEY =
      ConnectMapping.ofRows(
          OrdersTable.TABLE.keySchema(), OrdersTable::writeKey, OrdersTable::readKey);

  public static final ConnectMapping<ProcessedOrder> PROCESSED_ORDER =
      ConnectMapping.ofRows(OrdersTable.TABLE.valueSchema(), OrdersTable::write, OrdersTable::read);

  public static final ConnectMapping<OrderItemKey> ORDER_ITEM_KEY =
      ConnectMapping.ofRows(
          OrderItemsTable.TABLE.keySchema(), OrderItemsTable::writeKey, OrderItemsTable::readKey);

  public static final ConnectMapping<ProcessedItem> PROCESSED_ITEM =
      ConnectMapping.ofRows(
          OrderItemsTable.TABLE.valueSchema(), OrderItemsTable::write, OrderItemsTable::read);

  public static final ConnectMapping<RejectionKey> REJECTION_KEY =
      ConnectMapping.ofRows(
          RejectedOrdersTable.TABLE.keySchema(),
          RejectedOrdersTable::writeKey,
          RejectedOrdersTable::readKey);

  public static final ConnectMapping<RejectedOrder> REJECTED_ORDER =
      ConnectMapping.ofRows(
          RejectedOrdersTable.TABLE.valueSchema(),
          RejectedOrdersTable::write,
          RejectedOrdersTable::read);

  public static final ConnectMapping<RestaurantStatsKey> RESTAURANT_STATS_KEY =
      ConnectMapping.ofRows(
          RestaurantStatsTable.TABLE.keySchema(),
          RestaurantStatsTable::writeKey,
          RestaurantStatsTable::readKey);

  public static final ConnectMapping<RestaurantStats> RESTAURANT_STATS =
      ConnectMapping.ofRows(
          RestaurantStatsTable.TABLE.valueSchema(),
          RestaurantStatsTable::write,
          RestaurantStatsTable::read);

  public static final ConnectMapping<Notification> NOTIFICATION =
      ConnectMapping.ofRows(
          NotificationsTable.TABLE.valueSchema(),
          NotificationsTable::write,
          NotificationsTable::read);
}
