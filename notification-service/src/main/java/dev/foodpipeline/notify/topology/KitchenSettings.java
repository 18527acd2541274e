package dev.foodpipeline.notify.topology;

import java.time.Duration;

/**
 * How a restaurant's kitchen load is judged: the accepted orders of the last {@code window} of
 * event time against a capacity of {@code cooks} orders cooked in parallel, each taking the
 * restaurant's {@code prepMinutes}:
 *
 * <pre>capacity = max(1, floor(cooks × window / prepMinutes))</pre>
 *
 * <p>A kitchen is overloaded when the count in the window goes over the capacity, and fine again
 * when it is back at or below it.
 */
public record KitchenSettings(Duration window, int cooks) {
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

  /**
   * The generator's restaurants are far busier than real kitchens (5 orders/s over 20 restaurants
   * is 75 orders in 5 minutes for each): with 1000 the slowest kitchen (35 minutes) takes 142 in 5
   * minutes and the fastest (10 minutes) 500, so only a restaurant given a burst is overloaded.
   */
  public static final int DEFAULT_COOKS = 1000;

  public KitchenSettings {
    if (window.toMillis() < 1000) {
      throw new IllegalArgumentException("window must be at least 1 s, got " + window);
    }
    if (cooks < 1) {
      throw new IllegalArgumentException("cooks must be >= 1, got " + cooks);
    }
  }

  public static KitchenSettings defaults() {
    return new KitchenSettings(DEFAULT_WINDOW, DEFAULT_COOKS);
  }

  /** The orders a kitchen of {@code prepMinutes} (below 1: taken as 1) can take in the window. */
  public long capacity(int prepMinutes) {
    long prepMs = Math.max(1, prepMinutes) * 60_000L;
    return Math.max(1, cooks * window.toMillis() / prepMs);
  }
}
