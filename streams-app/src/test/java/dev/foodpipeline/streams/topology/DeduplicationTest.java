package dev.foodpipeline.streams.topology;

import static dev.foodpipeline.streams.topology.OrderFixtures.NOW;
import static dev.foodpipeline.streams.topology.OrderFixtures.json;
import static dev.foodpipeline.streams.topology.OrderFixtures.line;
import static dev.foodpipeline.streams.topology.OrderFixtures.testKitchenOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.RejectedOrder;
import dev.foodpipeline.model.RejectionKey;
import dev.foodpipeline.model.SourcePosition;
import dev.foodpipeline.model.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DUPLICATE_ORDER: an accepted order id is remembered for the retention, whatever the record key.
 */
class DeduplicationTest {
  private static final Duration RETENTION = Duration.ofHours(1);

  @TempDir Path stateDir;
  private final MutableClock clock = new MutableClock(NOW);
  private PipelineDriver pipeline;

  @BeforeEach
  void startDriver() {
    pipeline =
        new PipelineDriver(
            stateDir, TopologySettings.withClock(clock).withDedupRetention(RETENTION));
  }

  @AfterEach
  void closeDriver() {
    pipeline.close();
  }

  private static Order bread(String orderId) {
    return testKitchenOrder(orderId, line("r-900-m04", 1, "2.49"));
  }

  @Test
  void
      theSameOrderIdTwiceIsAcceptedOnceAndTheSecondIsRejectedAsDuplicateWithItsOwnPositionAndText() {
    pipeline.orders.pipeInput("o-1", json(bread("o-1")));
    clock.advance(Duration.ofMinutes(5));
    byte[] again = json(bread("o-1"));
    pipeline.orders.pipeInput("o-1", again);

    assertThat(pipeline.processed.readValuesToList())
        .extracting(ProcessedOrder::orderId)
        .containsExactly("o-1");
    assertThat(pipeline.items.readValuesToList()).hasSize(1);
    List<KeyValue<RejectionKey, RejectedOrder>> rejected = pipeline.rejected.readKeyValuesToList();
    assertThat(rejected).hasSize(1);
    assertThat(rejected.get(0).key).isEqualTo(new RejectionKey("food-orders", 0, 1L));
    RejectedOrder duplicate = rejected.get(0).value;
    assertThat(duplicate.reasonCode()).isEqualTo(ReasonCode.DUPLICATE_ORDER);
    assertThat(duplicate.orderId()).isEqualTo("o-1");
    assertThat(duplicate.reason())
        .isEqualTo(
            "order id o-1 was already accepted at "
                + NOW
                + " (the order at food-orders-0@0); order ids are remembered for PT1H");
    assertThat(duplicate.raw()).isEqualTo(new String(again, StandardCharsets.UTF_8));
    assertThat(duplicate.rejectedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
  }

  @Test
  void aDuplicateUnderAnotherRecordKeyIsFoundByItsOrderId() {
    pipeline.orders.pipeInput("producer-a-key", json(bread("o-2")));
    pipeline.orders.pipeInput("producer-b-key", json(bread("o-2")));
    pipeline.orders.pipeInput(null, json(bread("o-2")));

    assertThat(pipeline.processed.readValuesToList()).hasSize(1);
    assertThat(pipeline.rejected.readValuesToList())
        .extracting(RejectedOrder::reasonCode, RejectedOrder::sourceOffset)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ReasonCode.DUPLICATE_ORDER, 1L),
            org.assertj.core.groups.Tuple.tuple(ReasonCode.DUPLICATE_ORDER, 2L));
  }

  @Test
  void anOrderRejectedByTheRulesDoesNotClaimItsIdSoItsCorrectionIsAccepted() {
    pipeline.orders.pipeInput("o-3", json(testKitchenOrder("o-3", line("r-900-m04", 1, "1.99"))));
    pipeline.orders.pipeInput("o-3", json(bread("o-3")));

    assertThat(pipeline.rejected.readValuesToList())
        .extracting(RejectedOrder::reasonCode)
        .containsExactly(ReasonCode.PRICE_MISMATCH);
    assertThat(pipeline.processed.readValuesToList())
        .extracting(ProcessedOrder::sourceOffset)
        .containsExactly(1L);
  }

  @Test
  void anIdIsRememberedForTheRetentionAndAcceptedAgainAfterIt() {
    pipeline.orders.pipeInput("o-4", json(bread("o-4")));
    clock.set(NOW.plus(RETENTION).minusMillis(1));
    pipeline.orders.pipeInput("o-4", json(bread("o-4")));
    clock.set(NOW.plus(RETENTION));
    pipeline.orders.pipeInput("o-4", json(bread("o-4")));

    assertThat(pipeline.rejected.readValuesToList())
        .extracting(RejectedOrder::sourceOffset)
        .containsExactly(1L);
    assertThat(pipeline.processed.readValuesToList())
        .extracting(ProcessedOrder::sourceOffset)
        .containsExactly(0L, 2L);
  }

  @Test
  void onlyAnOrderReadFromAnotherPartitionThanItsIdsGoesThroughTheRepartitionTopic() {
    // The driver reads every input from partition 0 of food-orders.
    String home = idOnPartition(0);
    String elsewhere = idOnPartition(1);

    pipeline.orders.pipeInput("any-key", json(bread(home)));
    assertThat(pipeline.driver.producedTopicNames()).noneMatch(t -> t.endsWith(REPARTITION));
    pipeline.orders.pipeInput(elsewhere, json(bread(elsewhere)));
    assertThat(pipeline.driver.producedTopicNames()).anyMatch(t -> t.endsWith(REPARTITION));
    pipeline.orders.pipeInput("other-key", json(bread(elsewhere)));
    pipeline.orders.pipeInput(home, json(bread(home)));

    assertThat(pipeline.processed.readValuesToList())
        .extracting(ProcessedOrder::orderId, ProcessedOrder::sourceOffset)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(home, 0L),
            org.assertj.core.groups.Tuple.tuple(elsewhere, 1L));
    assertThat(pipeline.rejected.readValuesToList())
        .extracting(RejectedOrder::orderId, RejectedOrder::sourceOffset, RejectedOrder::reasonCode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(elsewhere, 2L, ReasonCode.DUPLICATE_ORDER),
            org.assertj.core.groups.Tuple.tuple(home, 3L, ReasonCode.DUPLICATE_ORDER));
  }

  @Test
  void anOrderIsHomeExactlyOnThePartitionKafkasPartitionerGivesItsId() {
    int partition = Topics.FOOD_ORDERS.partitionOf("o-7");
    for (int p = 0; p < Topics.FOOD_ORDERS.partitions(); p++) {
      SourcePosition source = new SourcePosition(Topics.FOOD_ORDERS.name(), p, 42L);
      assertThat(OrderTopology.isHome(source, "o-7"))
          .as("partition %d", p)
          .isEqualTo(p == partition);
    }
  }

  private static final String REPARTITION = OrderTopology.ORDERS_BY_ID + "-repartition";

  private static String idOnPartition(int partition) {
    return IntStream.range(0, 100)
        .mapToObj(i -> "o-p" + i)
        .filter(id -> Topics.FOOD_ORDERS.partitionOf(id) == partition)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void differentIdsAreNeverDuplicates() {
    for (int i = 0; i < 50; i++) {
      pipeline.orders.pipeInput("o-" + i, json(bread("o-" + i)));
    }

    assertThat(pipeline.processed.readValuesToList()).hasSize(50);
    assertThat(pipeline.rejected.isEmpty()).isTrue();
  }
}
