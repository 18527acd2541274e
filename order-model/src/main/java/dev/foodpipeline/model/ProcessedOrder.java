package dev.foodpipeline.model;

import java.math.BigDecimal;
import java.time.Instant;

/** A valid order, enriched from the catalogue and priced; one row of the {@code orders} table. */
public record ProcessedOrder(
    String orderId,
    String customerId,
    String restaurantId,
    String restaurantName,
    String cuisine,
    String city,
    int itemCount,
    BigDecimal subtotal,
    BigDecimal tax,
    BigDecimal deliveryFee,
    BigDecimal total,
    String deliveryStreet,
    String deliveryCity,
    String deliveryPostalCode,
    Instant createdAt,
    Instant estimatedReadyAt,
    Instant processedAt,
    int sourcePartition,
    long sourceOffset) {}
