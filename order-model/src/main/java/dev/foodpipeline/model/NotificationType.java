package dev.foodpipeline.model;

/** What a {@link Notification} tells, and to whom. */
public enum NotificationType {
  /** To the customer: the order was accepted, with its restaurant, total and ready time. */
  ORDER_CONFIRMED(Audience.CUSTOMER),
  /** To the customer: the order was not accepted, with the reason in plain words. */
  ORDER_REJECTED(Audience.CUSTOMER),
  /** To the restaurant: more orders in the window than its kitchen can cook. */
  KITCHEN_OVERLOADED(Audience.RESTAURANT),
  /** To the restaurant: its load fell back within capacity after an overload. */
  KITCHEN_OK(Audience.RESTAURANT);

  /** Who receives a notification: its recipient id is a customer id or a restaurant id. */
  public enum Audience {
    CUSTOMER,
    RESTAURANT
  }

  private final Audience audience;

  NotificationType(Audience audience) {
    this.audience = audience;
  }

  public Audience audience() {
    return audience;
  }
}
