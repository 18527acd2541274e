package dev.foodpipeline.model.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How an order is priced, in exact decimals with 2 places: line total = unit price × quantity, tax
 * = subtotal × tax rate (half-even), delivery fee waived from a threshold, total = subtotal + tax +
 * fee.
 */
public record Pricing(BigDecimal taxRate, BigDecimal deliveryFee, BigDecimal freeDeliveryFrom) {

  /** 8 % tax, 2.99 delivery, free delivery from 40.00. */
  public static final Pricing DEFAULTS =
      new Pricing(new BigDecimal("0.08"), new BigDecimal("2.99"), new BigDecimal("40.00"));

  private static final int SCALE = 2;

  public BigDecimal lineTotal(BigDecimal unitPrice, int quantity) {
    return money(unitPrice.multiply(BigDecimal.valueOf(quantity)));
  }

  public BigDecimal tax(BigDecimal subtotal) {
    return money(subtotal.multiply(taxRate));
  }

  public BigDecimal deliveryFee(BigDecimal subtotal) {
    return subtotal.compareTo(freeDeliveryFrom) >= 0 ? money(BigDecimal.ZERO) : money(deliveryFee);
  }

  public static BigDecimal money(BigDecimal amount) {
    return amount.setScale(SCALE, RoundingMode.HALF_EVEN);
  }
}
