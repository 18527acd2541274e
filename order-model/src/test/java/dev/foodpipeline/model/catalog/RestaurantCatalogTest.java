package dev.foodpipeline.model.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.model.MenuItem;
import dev.foodpipeline.model.Restaurant;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RestaurantCatalogTest {
  @Test
  void isAFunctionOfTheSeed() {
    assertThat(RestaurantCatalog.generate(7).restaurants())
        .isEqualTo(RestaurantCatalog.generate(7).restaurants());
    assertThat(RestaurantCatalog.generate(7).restaurants())
        .isNotEqualTo(RestaurantCatalog.generate(8).restaurants());
  }

  @Test
  void hasTwentyRestaurantsWithNumberedIdsAndRealisticMenus() {
    RestaurantCatalog catalog = RestaurantCatalog.generate(1);

    assertThat(catalog.size()).isEqualTo(20);
    assertThat(catalog.get(0).restaurantId()).isEqualTo("r-001");
    assertThat(catalog.get(19).restaurantId()).isEqualTo("r-020");
    for (Restaurant restaurant : catalog.restaurants()) {
      assertThat(restaurant.menu()).hasSizeBetween(5, 8);
      assertThat(restaurant.prepMinutes()).isBetween(10, 35);
      for (MenuItem item : restaurant.menu()) {
        assertThat(item.menuItemId()).startsWith(restaurant.restaurantId() + "-m");
        assertThat(item.price().scale()).isEqualTo(2);
        assertThat(item.price()).isBetween(new BigDecimal("3.50"), new BigDecimal("24.99"));
      }
    }
  }

  @Test
  void findsByIdAndWrapsIndexes() {
    RestaurantCatalog catalog = RestaurantCatalog.generate(1, 3);

    assertThat(catalog.find("r-002")).contains(catalog.get(1));
    assertThat(catalog.find("r-004")).isEmpty();
    assertThat(catalog.get(3)).isEqualTo(catalog.get(0));
    assertThat(catalog.get(-1)).isEqualTo(catalog.get(2));
  }
}
