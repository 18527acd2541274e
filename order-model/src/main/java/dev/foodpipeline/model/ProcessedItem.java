package dev.foodpipeline.model;

import java.math.BigDecimal;

/** One priced line of a valid order; one row of the {@code order_items} table. */
public record ProcessedItem(
    String orderId,
    int lineNo,
    String menuItemId,
    String itemName,
    int quantity,
    BigDecimal unitPrice,
    BigDecimal lineTotal) {}
