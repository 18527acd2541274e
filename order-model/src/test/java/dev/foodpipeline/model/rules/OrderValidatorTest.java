package dev.foodpipeline.model.rules;

import static dev.foodpipeline.model.TestOrders.NOW;
import static dev.foodpipeline.model.TestOrders.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.model.Address;
import dev.foodpipeline.model.MenuItem;
import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.OrderLine;
import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.Rejection;
import dev.foodpipeline.model.Restaurant;
import dev.foodpipeline.model.TestOrders;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderValidatorTest {
  private final OrderValidator validator = new OrderValidator();
  private final Restaurant restaurant = TestOrders.restaurant();
  private final MenuItem dish = restaurant.menu().get(0);

  private Optional<Rejection> validate(List<OrderLine> lines) {
    return validator.validate(TestOrders.order(lines), restaurant, NOW);
  }

  private Optional<Rejection> validateCreatedAt(Instant createdAt) {
    Order moved = TestOrders.validOrder().withCreatedAt(createdAt);
    return validator.validate(moved, restaurant, NOW);
  }

  @Test
  void acceptsAnOrderThatMatchesTheMenu() {
    assertThat(validator.validate(TestOrders.validOrder(), restaurant, NOW)).isEmpty();
  }

  @Test
  void acceptsAPriceWrittenWithOtherTrailingZeros() {
    String price = dish.price().setScale(3).toPlainString();

    assertThat(validate(List.of(line(dish.menuItemId(), 1, price)))).isEmpty();
  }

  @Test
  void rejectsAnEmptyOrder() {
    assertThat(validate(List.of()))
        .contains(new Rejection(ReasonCode.EMPTY_ORDER, "the order has no items"));
  }

  @Test
  void rejectsMoreLinesThanTheLimit() {
    List<OrderLine> lines =
        Collections.nCopies(51, line(dish.menuItemId(), 1, dish.price().toPlainString()));

    assertThat(validate(lines))
        .contains(
            new Rejection(
                ReasonCode.OVERSIZED_ORDER, "the order has 51 lines, more than the limit of 50"));
  }

  @Test
  void rejectsQuantitiesOutsideOneToTwenty() {
    String price = dish.price().toPlainString();

    assertThat(validate(List.of(line(dish.menuItemId(), 0, price))).orElseThrow().reason())
        .isEqualTo("line 1: quantity 0 is not between 1 and 20");
    assertThat(
            validate(
                List.of(line(dish.menuItemId(), 1, price), line(dish.menuItemId(), 21, price))))
        .map(Rejection::code)
        .contains(ReasonCode.BAD_QUANTITY);
    assertThat(validate(List.of(line(dish.menuItemId(), 20, price)))).isEmpty();
  }

  @Test
  void rejectsAMenuItemTheRestaurantDoesNotServe() {
    assertThat(validate(List.of(line("r-999-m01", 1, "5.00"))))
        .contains(
            new Rejection(
                ReasonCode.UNKNOWN_MENU_ITEM,
                "line 1: menu item r-999-m01 is not on the menu of " + restaurant.restaurantId()));
  }

  @Test
  void rejectsAPriceThatDiffersFromTheMenu() {
    Rejection rejection = validate(List.of(line(dish.menuItemId(), 1, "0.01"))).orElseThrow();

    assertThat(rejection.code()).isEqualTo(ReasonCode.PRICE_MISMATCH);
    assertThat(rejection.reason())
        .isEqualTo(
            "line 1: unit price 0.01 of "
                + dish.menuItemId()
                + " differs from the menu price "
                + dish.price().toPlainString());
  }

  @Test
  void rejectsAnUnknownRestaurant() {
    Order order = TestOrders.validOrder();

    assertThat(validator.validate(order, null, NOW))
        .contains(
            new Rejection(
                ReasonCode.UNKNOWN_RESTAURANT, "restaurant r-001 is not in the catalogue"));
  }

  @Test
  void rejectsTimestampsOutsideTheWindowButNotOnItsEdges() {
    assertThat(validateCreatedAt(NOW.minus(Duration.ofDays(7)))).isEmpty();
    assertThat(validateCreatedAt(NOW.plus(Duration.ofMinutes(5)))).isEmpty();
    assertThat(
            validateCreatedAt(NOW.minus(Duration.ofDays(7)).minusSeconds(1)).orElseThrow().reason())
        .isEqualTo(
            "createdAt 2026-11-19T11:59:59Z is more than PT168H before the processing time 2026-11-26T12:00:00Z");
    assertThat(validateCreatedAt(NOW.plus(Duration.ofMinutes(5)).plusSeconds(1)))
        .map(Rejection::code)
        .contains(ReasonCode.TIMESTAMP_OUT_OF_RANGE);
  }

  @Test
  void checksRulesInTheDocumentedOrder() {
    Order emptyAndUnknown =
        new Order(
            "o-1",
            "c-1",
            "nowhere",
            List.of(),
            new Address("s", "c", "p"),
            NOW.minus(Duration.ofDays(30)));

    assertThat(validator.validate(emptyAndUnknown, null, NOW))
        .map(Rejection::code)
        .contains(ReasonCode.EMPTY_ORDER);
  }
}
