package dev.foodpipeline.generator.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.foodpipeline.generator.GeneratedOrder;
import dev.foodpipeline.generator.GenerationSpec;
import dev.foodpipeline.generator.OrderFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderSourceTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);
  private final OrderFactory factory = new OrderFactory(GenerationSpec.of(3, 0.3), CLOCK);

  private static List<GeneratedOrder> take(OrderSource source, int count)
      throws InterruptedException {
    List<GeneratedOrder> orders = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      orders.add(source.next());
    }
    return orders;
  }

  @Test
  void madeAheadTheRecordsComeInSequenceOrderAsInline() throws InterruptedException {
    try (OrderSource inline = OrderSource.inline(factory, 40);
        OrderSource ahead = OrderSource.prefetching(factory, 40, 8)) {
      assertThat(take(ahead, 500)).isEqualTo(take(inline, 500));
    }
  }

  @Test
  void closingStopsTheThread() throws InterruptedException {
    OrderSource ahead = OrderSource.prefetching(factory, 1, 4);
    ahead.next();
    ahead.close();

    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.getName().equals("order-generator-prefetch")));
  }

  @Test
  void aFailureToMakeARecordReachesTheTakerAfterTheRecordsBeforeIt() throws InterruptedException {
    try (OrderSource ahead =
        new OrderSource.Prefetching(
            sequence -> {
              if (sequence == 3) {
                throw new IllegalStateException("no record for 3");
              }
              return factory.generate(sequence);
            },
            1,
            8)) {
      assertThat(ahead.next().sequence()).isEqualTo(1);
      assertThat(ahead.next().sequence()).isEqualTo(2);
      assertThatThrownBy(ahead::next)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("no record for 3");
    }
  }

  @Test
  void aCapacityBelowOneIsRefused() {
    assertThatThrownBy(() -> OrderSource.prefetching(factory, 1, 0))
        .hasMessageContaining("at least 1");
  }
}
