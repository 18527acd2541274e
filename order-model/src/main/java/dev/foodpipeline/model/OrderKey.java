package dev.foodpipeline.model;

/** Key of {@code food-orders-processed}: the primary key of {@code orders}. */
public record OrderKey(String orderId) {}
