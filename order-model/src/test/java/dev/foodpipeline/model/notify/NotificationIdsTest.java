package dev.foodpipeline.model.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NotificationIdsTest {

  @Test
  void aConfirmationIsNamedByItsOrder() {
    assertThat(NotificationIds.orderConfirmed("o-1")).isEqualTo("order-confirmed:o-1");
  }

  @Test
  void aRejectionIsNamedByWhereItsRecordWas() {
    assertThat(NotificationIds.orderRejected("food-orders", 2, 117L))
        .isEqualTo("order-rejected:food-orders-2-117");
  }

  @Test
  void anOverloadAndItsEndAreNamedByTheOrderThatCausedIt() {
    assertThat(NotificationIds.kitchenOverloaded("r-1", "o-9"))
        .isEqualTo("kitchen-overloaded:r-1:o-9");
    assertThat(NotificationIds.kitchenOk("r-1", "o-9")).isEqualTo("kitchen-ok:r-1:o-9");
  }
}
