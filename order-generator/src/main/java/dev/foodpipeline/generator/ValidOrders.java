package dev.foodpipeline.generator;

import dev.foodpipeline.model.Address;
import dev.foodpipeline.model.MenuItem;
import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.OrderLine;
import dev.foodpipeline.model.Restaurant;
import dev.foodpipeline.model.catalog.RestaurantCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds realistic valid orders from a random source: 1 to 8 lines of distinct dishes (mostly 1 to
 * 3, never more than the menu has), quantities mostly 1 or 2, prices exactly the menu's, a customer
 * from a fixed pool and an address in the restaurant's city.
 */
final class ValidOrders {
  /** Customer ids are {@code c-0001} to {@code c-1000}. */
  static final int CUSTOMERS = 1000;

  /** Lines per order, 1..8: most baskets are small, a few are a family's or an office's. */
  static final int[] LINE_COUNT_WEIGHTS = {28, 28, 19, 11, 7, 4, 2, 1};

  /** How many of a dish, 1..5. */
  static final int[] QUANTITY_WEIGHTS = {65, 25, 6, 3, 1};

  private static final String[] STREETS = {
    "Rua Augusta", "Avenida da Liberdade", "Rua do Carmo", "Rua de Santa Catarina",
        "Avenida dos Aliados",
    "Rua Garrett", "Rua da Prata", "Avenida da Boavista", "Rua do Souto", "Rua Ferreira Borges",
    "Rua das Flores", "Avenida Central", "Rua Direita", "Largo do Rato", "Rua Nova"
  };

  /** The first digits of postal codes per city; other cities get any four digits. */
  private static final Map<String, int[]> POSTAL_RANGES =
      Map.of(
          "Lisbon", new int[] {1000, 1999},
          "Porto", new int[] {4000, 4399},
          "Braga", new int[] {4700, 4719},
          "Coimbra", new int[] {3000, 3049});

  private final RestaurantCatalog catalog;

  ValidOrders(RestaurantCatalog catalog) {
    if (catalog.size() == 0) {
      throw new IllegalArgumentException("the restaurant catalogue is empty");
    }
    this.catalog = catalog;
  }

  /**
   * An order of a random restaurant, or of {@code restaurant} when it is not null (the draws are
   * the same either way, so the rest of the order's randomness does not shift).
   */
  Order create(String orderId, SplittableRandom random, Instant createdAt, Restaurant restaurant) {
    Restaurant drawn = catalog.get(random.nextInt(catalog.size()));
    if (restaurant == null) {
      restaurant = drawn;
    }
    String customerId = "c-" + Digits.padded(1 + random.nextInt(CUSTOMERS), 4);
    int lineCount = Math.min(1 + weighted(random, LINE_COUNT_WEIGHTS), restaurant.menu().size());
    List<OrderLine> lines = distinctLines(restaurant, lineCount, random);
    return new Order(
        orderId,
        customerId,
        restaurant.restaurantId(),
        lines,
        address(restaurant.city(), random),
        createdAt);
  }

  /** Lines of distinct dishes while the menu lasts, then dishes again; each at its menu price. */
  static List<OrderLine> distinctLines(Restaurant restaurant, int count, SplittableRandom random) {
    List<MenuItem> dishes = new ArrayList<>(restaurant.menu());
    List<OrderLine> lines = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int remaining = dishes.size() - i % dishes.size();
      int pick = i % dishes.size() + random.nextInt(remaining);
      MenuItem dish = dishes.get(pick);
      dishes.set(pick, dishes.get(i % dishes.size()));
      dishes.set(i % dishes.size(), dish);
      lines.add(new OrderLine(dish.menuItemId(), quantity(random), dish.price()));
    }
    return lines;
  }

  static int quantity(SplittableRandom random) {
    return 1 + weighted(random, QUANTITY_WEIGHTS);
  }

  static Address address(String city, SplittableRandom random) {
    String street = STREETS[random.nextInt(STREETS.length)] + " " + (1 + random.nextInt(250));
    int[] range = POSTAL_RANGES.getOrDefault(city, new int[] {1000, 9999});
    int prefix = range[0] + random.nextInt(range[1] - range[0] + 1);
    return new Address(
        street, city, Digits.padded(prefix, 4) + "-" + Digits.padded(random.nextInt(1000), 3));
  }

  /** An index drawn with the given weights. */
  static int weighted(SplittableRandom random, int[] weights) {
    int total = 0;
    for (int weight : weights) {
      total += weight;
    }
    int draw = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      draw -= weights[i];
      if (draw < 0) {
        return i;
      }
    }
    throw new IllegalStateException("unreachable: weights " + java.util.Arrays.toString(weights));
  }
}
