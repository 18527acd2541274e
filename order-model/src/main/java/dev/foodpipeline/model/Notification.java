package dev.foodpipeline.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One notification on {@code order-notifications}; one row of the {@code notifications} table.
 *
 * <p>The record key is {@link #recipientId()}: the customer id for the customer's notifications
 * ({@code ORDER_*}), the restaurant id for the restaurant's ({@code KITCHEN_*}), so that all of one
 * recipient's notifications are on one partition, in order. {@link #notificationId()} is
 * deterministic (made from what the notification reports, never from a clock or a counter), so a
 * replay writes the same id and the table's primary key holds each notification once.
 *
 * <p>Fields that a type does not use are null: {@code total} and {@code estimatedReadyAt} belong to
 * {@code ORDER_CONFIRMED}, {@code reasonCode} to {@code ORDER_REJECTED}, {@code ordersInWindow} and
 * {@code capacity} to the {@code KITCHEN_*} types; {@code customerId} is null for the kitchen types
 * and {@code restaurantId} null for a rejected order that named none that could be read.
 *
 * @param eventAt when what it reports happened (the order's creation, the rejection, the window)
 * @param notifiedAt when the notification was made (the input record's timestamp, so that a replay
 *     makes the same value)
 */
public record Notification(
    String notificationId,
    NotificationType type,
    String customerId,
    String restaurantId,
    String orderId,
    String message,
    BigDecimal total,
    Instant estimatedReadyAt,
    String reasonCode,
    Long ordersInWindow,
    Long capacity,
    Instant eventAt,
    Instant notifiedAt) {

  public Notification {
    Objects.requireNonNull(notificationId, "notificationId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(eventAt, "eventAt");
    Objects.requireNonNull(notifiedAt, "notifiedAt");
    Objects.requireNonNull(
        type.audience() == NotificationType.Audience.CUSTOMER ? customerId : restaurantId,
        "recipient of " + type);
  }

  /** The customer id or the restaurant id this notification goes to: the record key. */
  public String recipientId() {
    return type.audience() == NotificationType.Audience.CUSTOMER ? customerId : restaurantId;
  }
}
