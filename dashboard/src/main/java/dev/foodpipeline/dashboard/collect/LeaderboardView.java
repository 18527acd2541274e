package dev.foodpipeline.dashboard.collect;

import java.math.BigDecimal;
import java.util.List;

/**
 * The busiest restaurants by their live 1-minute windows (the Streams app's interactive queries):
 * the open window's figures and the sum of the windows still in the store.
 */
public record LeaderboardView(List<Entry> restaurants) {

  public record Entry(
      String restaurantId,
      String servedBy,
      long ordersNow,
      BigDecimal revenueNow,
      long ordersKept,
      BigDecimal revenueKept) {}
}
