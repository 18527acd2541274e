package dev.foodpipeline.streams.topology;

import java.math.BigDecimal;

/**
 * What the restaurant stats need of an accepted order; travels through {@code stats-by-restaurant}.
 */
public record OrderRevenue(String orderId, String restaurantId, BigDecimal total) {}
