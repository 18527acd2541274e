package dev.foodpipeline.notify.delivery;

import dev.foodpipeline.model.Notification;

/**
 * A notification as read from {@code order-notifications}, with its position: the event id of the
 * stream is {@code <partition>-<offset>}, from which a client resumes.
 */
public record Delivery(int partition, long offset, Notification notification) {
  public String eventId() {
    return partition + "-" + offset;
  }
}
