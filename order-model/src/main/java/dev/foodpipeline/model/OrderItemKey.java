package dev.foodpipeline.model;

/** Key of {@code food-order-items}: the primary key of {@code order_items}. */
public record OrderItemKey(String orderId, int lineNo) {}
