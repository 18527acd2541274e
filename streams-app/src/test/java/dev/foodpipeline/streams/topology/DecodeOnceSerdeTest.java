package dev.foodpipeline.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

class DecodeOnceSerdeTest {
  /** A String serde that records what it decoded; each decode makes a new String. */
  private final List<String> decoded = new ArrayList<>();

  private final Serde<String> counting =
      Serdes.serdeFrom(
          (topic, value) -> value.getBytes(StandardCharsets.UTF_8),
          (topic, bytes) -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.startsWith("{broken")) {
              throw new IllegalArgumentException("not JSON: " + text);
            }
            decoded.add(text);
            return text;
          });

  private final Deserializer<String> deserializer = DecodeOnceSerde.of(counting).deserializer();

  @Test
  void theSameBytesAreDecodedOnceAndGiveTheSameValue() {
    String first = deserializer.deserialize("restaurants", bytes("r-1 v1"));
    String again = deserializer.deserialize("restaurants", bytes("r-1 v1"));

    assertThat(again).isSameAs(first).isEqualTo("r-1 v1");
    assertThat(decoded).containsExactly("r-1 v1");
  }

  @Test
  void changedBytesAreDecodedAfresh() {
    deserializer.deserialize("restaurants", bytes("r-1 v1"));

    assertThat(deserializer.deserialize("restaurants", bytes("r-1 v2"))).isEqualTo("r-1 v2");
    assertThat(decoded).containsExactly("r-1 v1", "r-1 v2");
  }

  @Test
  void theCallersArrayMayChangeAfterwards() {
    byte[] reused = bytes("r-1 v1");
    deserializer.deserialize("restaurants", reused);
    System.arraycopy(bytes("r-1 v2"), 0, reused, 0, reused.length);

    assertThat(deserializer.deserialize("restaurants", bytes("r-1 v1"))).isEqualTo("r-1 v1");
    assertThat(deserializer.deserialize("restaurants", reused)).isEqualTo("r-1 v2");
    assertThat(decoded).containsExactly("r-1 v1", "r-1 v2");
  }

  @Test
  void nullStaysNullAndAFailureIsNotKept() {
    assertThat(deserializer.deserialize("restaurants", null)).isNull();
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> deserializer.deserialize("restaurants", bytes("{broken")))
          .hasMessageContaining("not JSON");
    }
  }

  @Test
  void pastItsBoundItStillDecodesCorrectly() {
    for (int i = 0; i <= DecodeOnceSerde.MAX_ENTRIES; i++) {
      assertThat(deserializer.deserialize("restaurants", bytes("r-" + i))).isEqualTo("r-" + i);
    }
    assertThat(deserializer.deserialize("restaurants", bytes("r-0"))).isEqualTo("r-0");
    assertThat(decoded).hasSize(DecodeOnceSerde.MAX_ENTRIES + 2);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
