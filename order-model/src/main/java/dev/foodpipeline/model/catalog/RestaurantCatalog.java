package dev.foodpipeline.model.catalog;

import dev.foodpipeline.model.MenuItem;
import dev.foodpipeline.model.Restaurant;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The restaurant catalogue: a deterministic function of a seed, so that the generator, the tests
 * and the reconcile command all compute the same restaurants and menus without sharing state.
 * Restaurant ids are {@code r-001}…; menu item ids are {@code r-001-m01}….
 */
public final class RestaurantCatalog {
  public static final int DEFAULT_SIZE = 20;

  private static final String[] CUISINES = {
    "Italian",
    "Japanese",
    "Mexican",
    "Indian",
    "Thai",
    "Lebanese",
    "Greek",
    "Vietnamese",
    "American",
    "Ethiopian"
  };
  private static final String[] CITIES = {"Lisbon", "Porto", "Braga", "Coimbra"};
  private static final String[] NAME_PARTS = {
    "Golden", "Little", "Corner", "Blue", "Old Town", "Harbour", "Green", "Lucky", "Red", "Sunny"
  };
  private static final String[][] DISHES = {
    {
      "Margherita Pizza",
      "Lasagne",
      "Risotto ai Funghi",
      "Tiramisu",
      "Penne Arrabbiata",
      "Caprese Salad",
      "Gnocchi",
      "Panna Cotta"
    },
    {
      "Salmon Nigiri",
      "Tonkotsu Ramen",
      "Chicken Katsu",
      "Miso Soup",
      "Gyoza",
      "Edamame",
      "California Roll",
      "Mochi"
    },
    {
      "Beef Burrito",
      "Chicken Tacos",
      "Quesadilla",
      "Guacamole",
      "Nachos",
      "Churros",
      "Enchiladas",
      "Elote"
    },
    {
      "Butter Chicken",
      "Lamb Rogan Josh",
      "Palak Paneer",
      "Garlic Naan",
      "Samosa",
      "Mango Lassi",
      "Chana Masala",
      "Biryani"
    },
    {
      "Pad Thai",
      "Green Curry",
      "Tom Yum",
      "Spring Rolls",
      "Massaman Curry",
      "Sticky Rice",
      "Som Tam",
      "Pad See Ew"
    },
    {
      "Falafel Wrap",
      "Hummus",
      "Shawarma Plate",
      "Tabbouleh",
      "Fattoush",
      "Baklava",
      "Kibbeh",
      "Manakish"
    },
    {
      "Gyros",
      "Moussaka",
      "Souvlaki",
      "Greek Salad",
      "Spanakopita",
      "Tzatziki",
      "Pastitsio",
      "Loukoumades"
    },
    {"Pho Bo", "Banh Mi", "Bun Cha", "Goi Cuon", "Com Tam", "Cha Gio", "Bun Bo Hue", "Che"},
    {
      "Cheeseburger",
      "Buffalo Wings",
      "Mac and Cheese",
      "Caesar Salad",
      "Fries",
      "Milkshake",
      "BBQ Ribs",
      "Brownie"
    },
    {"Doro Wat", "Injera Platter", "Tibs", "Shiro", "Kitfo", "Misir Wot", "Gomen", "Sambusa"}
  };

  private final List<Restaurant> restaurants;

  private RestaurantCatalog(List<Restaurant> restaurants) {
    this.restaurants = List.copyOf(restaurants);
  }

  public static RestaurantCatalog generate(long seed) {
    return generate(seed, DEFAULT_SIZE);
  }

  public static RestaurantCatalog generate(long seed, int size) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Restaurant> restaurants = new ArrayList<>(size);
    for (int i = 1; i <= size; i++) {
      restaurants.add(restaurant(i, random.split()));
    }
    return new RestaurantCatalog(restaurants);
  }

  private static Restaurant restaurant(int number, SplittableRandom random) {
    int cuisine = random.nextInt(CUISINES.length);
    String id = String.format(java.util.Locale.ROOT, "r-%03d", number);
    String name =
        NAME_PARTS[random.nextInt(NAME_PARTS.length)]
            + " "
            + CUISINES[cuisine]
            + " Kitchen "
            + number;
    String[] dishes = DISHES[cuisine].clone();
    shuffle(dishes, random);
    int menuSize = 5 + random.nextInt(4);
    List<MenuItem> menu = new ArrayList<>(menuSize);
    for (int m = 1; m <= menuSize; m++) {
      menu.add(
          new MenuItem(
              String.format(java.util.Locale.ROOT, "%s-m%02d", id, m),
              dishes[m - 1],
              price(random)));
    }
    return new Restaurant(
        id,
        name,
        CUISINES[cuisine],
        CITIES[random.nextInt(CITIES.length)],
        10 + random.nextInt(26),
        menu);
  }

  /** A menu price between 3.50 and 24.99 ending in .00, .50 or .99, like real menus. */
  private static BigDecimal price(SplittableRandom random) {
    int euros = 3 + random.nextInt(22);
    String[] cents = {"00", "50", "99"};
    BigDecimal price = new BigDecimal(euros + "." + cents[random.nextInt(cents.length)]);
    return price.compareTo(new BigDecimal("3.50")) < 0 ? new BigDecimal("3.50") : price;
  }

  private static void shuffle(String[] values, SplittableRandom random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
  }

  public List<Restaurant> restaurants() {
    return restaurants;
  }

  public Optional<Restaurant> find(String restaurantId) {
    return restaurants.stream().filter(r -> r.restaurantId().equals(restaurantId)).findFirst();
  }

  /** The restaurant at an index, wrapping around; for picking one from a random number. */
  public Restaurant get(int index) {
    return restaurants.get(Math.floorMod(index, restaurants.size()));
  }

  public int size() {
    return restaurants.size();
  }
}
