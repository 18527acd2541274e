package dev.foodpipeline.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.RejectedOrder;
import dev.foodpipeline.model.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class OrderIntakeTest {
  private static final SourcePosition SOURCE = new SourcePosition("food-orders", 2, 41L);
  private static final TopologySettings SETTINGS =
      TopologySettings.withClock(Clock.fixed(OrderFixtures.NOW, ZoneOffset.UTC));

  @Test
  void readerThatThrowsGivesAProcessingErrorRejectionInsteadOfAnException() {
    OrderIntake intake =
        new OrderIntake(
            (key, bytes) -> {
              throw new IllegalStateException("reader bug");
            },
            SETTINGS);

    ReadResult result = intake.read(SOURCE, "o-1", "{}".getBytes(StandardCharsets.UTF_8));

    assertThat(result).isInstanceOf(Rejected.class);
    var rejection = ((Rejected) result).rejection();
    assertThat(rejection.reasonCode()).isEqualTo(ReasonCode.PROCESSING_ERROR);
    assertThat(rejection.reason())
        .isEqualTo("unexpected java.lang.IllegalStateException: reader bug");
    assertThat(rejection.orderId()).isEqualTo("o-1");
    assertThat(rejection.raw()).isEqualTo("{}");
    assertThat(rejection.sourcePartition()).isEqualTo(2);
    assertThat(rejection.sourceOffset()).isEqualTo(41L);
    assertThat(rejection.rejectedAt()).isEqualTo(OrderFixtures.NOW);
  }

  @Test
  void orderIdComesFromThePayloadBeforeTheKey() {
    OrderIntake intake = new OrderIntake(SETTINGS);
    byte[] payload =
        OrderFixtures.editedJson(
            OrderFixtures.testKitchenOrder(
                "from-payload", OrderFixtures.line("r-900-m01", 1, "12.50")),
            tree -> tree.remove("restaurantId"));

    ReadResult result = intake.read(SOURCE, "from-key", payload);

    assertThat(((Rejected) result).rejection().orderId()).isEqualTo("from-payload");
  }

  @Test
  void aKeyThatIsNoIdRejectsTheOrderAndIsNeverStoredAsItsId() {
    OrderIntake intake = new OrderIntake(SETTINGS);
    byte[] valid =
        OrderFixtures.json(
            OrderFixtures.testKitchenOrder("o-1", OrderFixtures.line("r-900-m01", 1, "12.50")));
    String hugeKey = "\u0000\uFFFD".repeat(200_000);

    RejectedOrder ofValid = ((Rejected) intake.read(SOURCE, hugeKey, valid)).rejection();
    RejectedOrder ofGarbage =
        ((Rejected) intake.read(SOURCE, hugeKey, "not json".getBytes(StandardCharsets.UTF_8)))
            .rejection();

    assertThat(ofValid.reasonCode()).isEqualTo(ReasonCode.INVALID_VALUE);
    assertThat(ofValid.reason())
        .isEqualTo("the record key is 400000 characters long, more than the limit of 64");
    assertThat(ofValid.orderId()).isEqualTo("o-1");
    assertThat(ofGarbage.reasonCode()).isEqualTo(ReasonCode.MALFORMED_JSON);
    assertThat(ofGarbage.orderId()).isNull();
  }

  @Test
  void readableOrderKeepsItsPositionAndBytes() {
    byte[] payload =
        OrderFixtures.json(
            OrderFixtures.testKitchenOrder("o-1", OrderFixtures.line("r-900-m01", 1, "12.50")));

    ReadResult result = new OrderIntake(SETTINGS).read(SOURCE, "o-1", payload);

    assertThat(result).isInstanceOf(InputOrder.class);
    assertThat(((InputOrder) result).source()).isEqualTo(SOURCE);
    assertThat(((InputOrder) result).raw()).isEqualTo(payload);
    assertThat(((InputOrder) result).order().orderId()).isEqualTo("o-1");
  }
}
