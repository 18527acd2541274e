package dev.foodpipeline.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.ProcessedItem;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.RejectedOrder;
import dev.foodpipeline.model.Restaurant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MixedInputTest {
  private static final int INPUTS = 400;

  @TempDir Path stateDir;

  @Test
  void everyInputOfAMixedStreamYieldsExactlyOneProcessedOrRejectedRecord() {
    SplittableRandom random = new SplittableRandom(7);
    Map<Long, ReasonCode> expectedRejections = new HashMap<>();
    Map<Long, Integer> expectedLines = new HashMap<>();
    try (PipelineDriver pipeline = new PipelineDriver(stateDir)) {
      for (long offset = 0; offset < INPUTS; offset++) {
        String orderId = "o-" + offset;
        Restaurant restaurant =
            PipelineDriver.CATALOG.get(random.nextInt(PipelineDriver.CATALOG.size()));
        Order valid = OrderFixtures.validOrder(restaurant, orderId);
        int kind = random.nextInt(8);
        switch (kind) {
          case 0 -> {
            pipeline.orders.pipeInput(orderId, "{oops".getBytes(StandardCharsets.UTF_8));
            expectedRejections.put(offset, ReasonCode.MALFORMED_JSON);
          }
          case 1 -> {
            pipeline.orders.pipeInput(orderId, new byte[] {(byte) 0xFE, (byte) offset});
            expectedRejections.put(offset, ReasonCode.MALFORMED_JSON);
          }
          case 2 -> {
            pipeline.orders.pipeInput(
                orderId, OrderFixtures.json(OrderFixtures.order(orderId, "r-404", valid.items())));
            expectedRejections.put(offset, ReasonCode.UNKNOWN_RESTAURANT);
          }
          case 3 -> {
            pipeline.orders.pipeInput(
                orderId,
                OrderFixtures.json(
                    valid.withCreatedAt(OrderFixtures.NOW.plus(Duration.ofHours(1)))));
            expectedRejections.put(offset, ReasonCode.TIMESTAMP_OUT_OF_RANGE);
          }
          case 4 -> {
            pipeline.orders.pipeInput(
                orderId,
                OrderFixtures.editedJson(
                    valid, tree -> OrderFixtures.firstLine(tree).put("quantity", 0)));
            expectedRejections.put(offset, ReasonCode.BAD_QUANTITY);
          }
          default -> {
            pipeline.orders.pipeInput(orderId, OrderFixtures.json(valid));
            expectedLines.put(offset, valid.items().size());
          }
        }
      }

      List<ProcessedOrder> processed = pipeline.processed.readValuesToList();
      List<RejectedOrder> rejected = pipeline.rejected.readValuesToList();
      List<ProcessedItem> items = pipeline.items.readValuesToList();

      assertThat(processed.size() + rejected.size()).isEqualTo(INPUTS);
      List<Long> offsets = new ArrayList<>();
      processed.forEach(order -> offsets.add(order.sourceOffset()));
      rejected.forEach(rejection -> offsets.add(rejection.sourceOffset()));
      assertThat(offsets)
          .containsExactlyInAnyOrderElementsOf(LongStream.range(0, INPUTS).boxed().toList());
      assertThat(processed.stream().map(ProcessedOrder::sourceOffset).collect(Collectors.toSet()))
          .isEqualTo(expectedLines.keySet());
      assertThat(
              rejected.stream()
                  .collect(
                      Collectors.toMap(RejectedOrder::sourceOffset, RejectedOrder::reasonCode)))
          .isEqualTo(expectedRejections);
      assertThat(items).hasSize(expectedLines.values().stream().mapToInt(Integer::intValue).sum());
      assertThat(expectedRejections).isNotEmpty();
      assertThat(expectedLines).isNotEmpty();
    }
  }
}
