package dev.foodpipeline.model.notify;

/**
 * The ids of notifications, built in this one place: the notification service gives them and
 * reconcile expects them. An id names what the notification is about, so the same input always
 * makes the same id, and the sink's upsert on {@code notification_id} makes a replay change
 * nothing.
 *
 * <ul>
 *   <li>{@code order-confirmed:<order id>};
 *   <li>{@code order-rejected:<source topic>-<source partition>-<source offset>} (one per rejected
 *       record, so two rejections of one order id are two notifications);
 *   <li>{@code kitchen-overloaded:<restaurant id>:<the order that overloaded it>};
 *   <li>{@code kitchen-ok:<restaurant id>:<the order that overloaded it>}: the end of that
 *       overload.
 * </ul>
 */
public final class NotificationIds {
  private NotificationIds() {}

  /** {@code order-confirmed:<order id>}. */
  public static String orderConfirmed(String orderId) {
    return "order-confirmed:" + orderId;
  }

  /** {@code order-rejected:<topic>-<partition>-<offset>}: where the rejected record was. */
  public static String orderRejected(String sourceTopic, int sourcePartition, long sourceOffset) {
    return "order-rejected:" + sourceTopic + "-" + sourcePartition + "-" + sourceOffset;
  }

  /** {@code kitchen-overloaded:<restaurant id>:<order id>}, the order that overloaded it. */
  public static String kitchenOverloaded(String restaurantId, String orderId) {
    return "kitchen-overloaded:" + restaurantId + ":" + orderId;
  }

  /** {@code kitchen-ok:<restaurant id>:<order id>}, the order that had overloaded it. */
  public static String kitchenOk(String restaurantId, String overloadedBy) {
    return "kitchen-ok:" + restaurantId + ":" + overloadedBy;
  }
}
