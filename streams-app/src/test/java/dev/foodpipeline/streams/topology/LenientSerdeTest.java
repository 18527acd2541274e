package dev.foodpipeline.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.model.Restaurant;
import dev.foodpipeline.model.topics.Topics;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LenientSerdeTest {
  private final LenientSerde<Restaurant> serde = LenientSerde.of(Topics.RESTAURANTS.valueSerde());

  @Test
  void readsWhatTheStrictSerdeReads() {
    byte[] bytes = serde.serializer().serialize("restaurants", OrderFixtures.TEST_KITCHEN);

    assertThat(serde.deserializer().deserialize("restaurants", bytes))
        .isEqualTo(OrderFixtures.TEST_KITCHEN);
    assertThat(serde.deserializer().deserialize("restaurants", null)).isNull();
    assertThat(serde.failures()).isZero();
  }

  @Test
  void unreadableBytesBecomeNullAndAreCounted() {
    var deserializer = serde.deserializer();
    for (int i = 0; i < 5; i++) {
      assertThat(
              deserializer.deserialize("restaurants", "{broken".getBytes(StandardCharsets.UTF_8)))
          .isNull();
    }
    assertThat(
            deserializer.deserialize(
                "restaurants", "{\"restaurantId\":\"r-1\"}".getBytes(StandardCharsets.UTF_8)))
        .isNull();
    assertThat(serde.failures()).isEqualTo(6);
  }
}
