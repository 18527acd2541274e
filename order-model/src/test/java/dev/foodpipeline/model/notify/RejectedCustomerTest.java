package dev.foodpipeline.model.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.RejectedOrder;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RejectedCustomerTest {
  private static RejectedOrder rejected(String topic, String raw) {
    return new RejectedOrder(
        topic,
        0,
        7L,
        "o-1",
        ReasonCode.UNKNOWN_RESTAURANT,
        "no such restaurant",
        raw,
        Instant.EPOCH);
  }

  @Test
  void theCustomerOfARejectedOrderIsItsCustomerId() {
    assertThat(RejectedCustomer.of(rejected("food-orders", "{\"customerId\":\"c-42\",\"x\":1}")))
        .contains("c-42");
  }

  @Test
  void aRecordThatIsNotAJsonObjectHasNoCustomer() {
    assertThat(RejectedCustomer.of(rejected("food-orders", "{not json"))).isEmpty();
    assertThat(RejectedCustomer.of(rejected("food-orders", "[\"c-42\"]"))).isEmpty();
    assertThat(RejectedCustomer.of(rejected("food-orders", "base64:AAEC"))).isEmpty();
    assertThat(RejectedCustomer.of(rejected("food-orders", null))).isEmpty();
  }

  @Test
  void aMissingWrongTypedOrMalformedCustomerIdHasNoCustomer() {
    assertThat(RejectedCustomer.of(rejected("food-orders", "{\"orderId\":\"o-1\"}"))).isEmpty();
    assertThat(RejectedCustomer.of(rejected("food-orders", "{\"customerId\":42}"))).isEmpty();
    assertThat(RejectedCustomer.of(rejected("food-orders", "{\"customerId\":\"\"}"))).isEmpty();
    assertThat(RejectedCustomer.of(rejected("food-orders", "{\"customerId\":\"c 42\"}"))).isEmpty();
    assertThat(
            RejectedCustomer.of(
                rejected("food-orders", "{\"customerId\":\"" + "c".repeat(65) + "\"}")))
        .isEmpty();
  }

  @Test
  void aRejectionOfAnotherTopicsRecordHasNoCustomer() {
    assertThat(RejectedCustomer.of(rejected("food-orders-processed", "{\"customerId\":\"c-42\"}")))
        .isEmpty();
  }
}
