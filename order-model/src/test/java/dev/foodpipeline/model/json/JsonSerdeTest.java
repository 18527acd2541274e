package dev.foodpipeline.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foodpipeline.model.Restaurant;
import dev.foodpipeline.model.TestOrders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {
  private final JsonSerde<Restaurant> serde = new JsonSerde<>(Restaurant.class);

  @Test
  void roundTripsARestaurantWithExactPrices() {
    Restaurant restaurant = TestOrders.restaurant();

    byte[] bytes = serde.serializer().serialize("restaurants", restaurant);

    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .contains("\"price\":" + restaurant.menu().get(0).price().toPlainString());
    assertThat(serde.deserializer().deserialize("restaurants", bytes)).isEqualTo(restaurant);
  }

  @Test
  void mapsNullToNullForTombstones() {
    assertThat(serde.serializer().serialize("restaurants", null)).isNull();
    assertThat(serde.deserializer().deserialize("restaurants", null)).isNull();
  }

  @Test
  void reportsUnreadableBytesAsASerializationExceptionNamingTheTopic() {
    assertThatThrownBy(
            () ->
                serde
                    .deserializer()
                    .deserialize("restaurants", "{oops".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Cannot read Restaurant from restaurants");
  }
}
