package dev.foodpipeline.streams.topology;

import java.math.BigDecimal;

/**
 * The running totals of one restaurant's window: the value of the {@code restaurant-stats-store}.
 */
public record WindowTotals(long orderCount, BigDecimal revenue) {
  private static final BigDecimal ZERO = new BigDecimal("0.00");

  public static WindowTotals empty() {
    return new WindowTotals(0, ZERO);
  }

  public WindowTotals add(BigDecimal total) {
    return new WindowTotals(orderCount + 1, revenue.add(total));
  }
}
