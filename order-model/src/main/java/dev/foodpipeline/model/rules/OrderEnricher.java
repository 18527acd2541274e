package dev.foodpipeline.model.rules;

import dev.foodpipeline.model.MenuItem;
import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.OrderLine;
import dev.foodpipeline.model.ProcessedItem;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.Restaurant;
import dev.foodpipeline.model.SourcePosition;
import dev.foodpipeline.model.StoredText;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a valid order into its priced, enriched form. The estimated ready time is the created-at
 * time plus the restaurant's preparation time plus one minute per item.
 */
public final class OrderEnricher {
  /** The longest restaurant name, cuisine, city or dish name stored; a longer one is cut. */
  public static final int MAX_CATALOGUE_TEXT_CHARS = 200;

  private final Pricing pricing;

  public OrderEnricher(Pricing pricing) {
    this.pricing = pricing;
  }

  public OrderEnricher() {
    this(Pricing.DEFAULTS);
  }

  /**
   * An order with its lines; the order must have passed {@link OrderValidator} for this restaurant.
   */
  public record Enriched(ProcessedOrder order, List<ProcessedItem> items) {}

  public Enriched enrich(
      Order order, Restaurant restaurant, SourcePosition source, Instant processedAt) {
    List<ProcessedItem> items = new ArrayList<>(order.items().size());
    BigDecimal subtotal = Pricing.money(BigDecimal.ZERO);
    int itemCount = 0;
    for (int i = 0; i < order.items().size(); i++) {
      OrderLine line = order.items().get(i);
      String itemName =
          catalogueText(
              restaurant.menuItem(line.menuItemId()).map(MenuItem::name).orElse(line.menuItemId()));
      BigDecimal lineTotal = pricing.lineTotal(line.unitPrice(), line.quantity());
      items.add(
          new ProcessedItem(
              order.orderId(),
              i + 1,
              line.menuItemId(),
              itemName,
              line.quantity(),
              Pricing.money(line.unitPrice()),
              lineTotal));
      subtotal = subtotal.add(lineTotal);
      itemCount += line.quantity();
    }
    BigDecimal tax = pricing.tax(subtotal);
    BigDecimal fee = pricing.deliveryFee(subtotal);
    Instant readyAt =
        order.createdAt().plus(Duration.ofMinutes((long) restaurant.prepMinutes() + itemCount));
    ProcessedOrder processed =
        new ProcessedOrder(
            order.orderId(),
            order.customerId(),
            order.restaurantId(),
            catalogueText(restaurant.name()),
            catalogueText(restaurant.cuisine()),
            catalogueText(restaurant.city()),
            itemCount,
            subtotal,
            tax,
            fee,
            subtotal.add(tax).add(fee),
            order.deliveryAddress().street(),
            order.deliveryAddress().city(),
            order.deliveryAddress().postalCode(),
            order.createdAt(),
            readyAt,
            processedAt,
            source.partition(),
            source.offset());
    return new Enriched(processed, List.copyOf(items));
  }

  /**
   * A text of the catalogue as stored in {@code orders} and {@code order_items}: the {@code
   * restaurants} topic is written by producers too, so its texts are made storable (no control
   * character, at most {@value #MAX_CATALOGUE_TEXT_CHARS} characters) like every stored text.
   */
  private static String catalogueText(String text) {
    return StoredText.of(text, MAX_CATALOGUE_TEXT_CHARS);
  }
}
