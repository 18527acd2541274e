package dev.foodpipeline.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.model.Address;
import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.OrderLine;
import dev.foodpipeline.model.json.Json;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderJsonTest {
  @Test
  void theBytesAreJacksonsForEveryGeneratedOrder() {
    for (long seed : new long[] {1, 42, -7, 20261126}) {
      for (Instant now :
          new Instant[] {
            Instant.parse("2025-03-01T12:00:00Z"), Instant.parse("2025-03-01T12:00:00.120Z")
          }) {
        GenerationSpec spec =
            GenerationSpec.of(seed, 0.5)
                .withShape(
                    OrderShape.EVEN
                        .withLateness(0.3, Duration.ofMinutes(7))
                        .withHotRestaurant("r-002", 0.2));
        OrderFactory factory = new OrderFactory(spec, Clock.fixed(now, ZoneOffset.UTC));
        factory
            .generate(1, 3000)
            .forEach(
                g ->
                    g.order()
                        .ifPresent(
                            order ->
                                assertThat(OrderJson.toBytes(order))
                                    .as(g.toString())
                                    .isEqualTo(Json.toBytes(order))));
      }
    }
  }

  @Test
  void textThatNeedsEscapingIsLeftToJackson() {
    for (String odd :
        new String[] {
          "Rua \"Nova\"", "back\\slash", "tab\there", "Praça do Comércio", "line\nbreak", "\u007f"
        }) {
      Order order =
          new Order(
              "o-1",
              "c-1",
              "r-001",
              List.of(
                  new OrderLine("r-001-m01", 2, new BigDecimal("1E+1")),
                  new OrderLine("m", -1, new BigDecimal("0.50"))),
              new Address(odd, "Lisbon", "1000-001"),
              Instant.parse("2025-03-01T12:00:00.123456789Z"));
      assertThat(new String(OrderJson.toBytes(order), java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(new String(Json.toBytes(order), java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  @Test
  void oddNumbersAndInstantsAreWrittenAsJacksonWritesThem() {
    Order order =
        new Order(
            "o-1",
            "c-1",
            "r-001",
            List.of(
                new OrderLine("r-001-m01", 2, new BigDecimal("1E+1")),
                new OrderLine("m", -1, new BigDecimal("0.500"))),
            new Address("Rua Nova 1", "Lisbon", "1000-001"),
            Instant.parse("2025-03-01T12:00:00.123456789Z"));
    assertThat(OrderJson.toBytes(order)).isEqualTo(Json.toBytes(order));
    Order empty =
        new Order("o-2", "c-1", "r-001", List.of(), new Address("a", "b", "c"), Instant.EPOCH);
    assertThat(OrderJson.toBytes(empty)).isEqualTo(Json.toBytes(empty));
  }
}
