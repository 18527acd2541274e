package dev.foodpipeline.streams.topology;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;

/**
 * Wraps a serde of immutable values so that the same bytes are decoded once: for the restaurants
 * GlobalKTable, whose store holds raw bytes and decodes them on every join lookup, so each order
 * parsed its restaurant's JSON, menu included, again (6 % of a Streams instance's samples at full
 * rate, docs/benchmarks.md). The decoded values are kept by the bytes they came from, so a changed
 * restaurant is decoded afresh; at most {@value #MAX_ENTRIES} are kept (the catalogue holds 20),
 * and when that is reached they are dropped and decoded again as they are met.
 *
 * <p>Shared by the stream threads (a GlobalKTable's store is), hence a concurrent map; a value must
 * not be changed by whoever reads it.
 */
public final class DecodeOnceSerde<T> implements Serde<T> {
  static final int MAX_ENTRIES = 1024;

  private final Serde<T> inner;
  private final Map<Bytes, T> decoded = new ConcurrentHashMap<>();

  private DecodeOnceSerde(Serde<T> inner) {
    this.inner = inner;
  }

  public static <T> DecodeOnceSerde<T> of(Serde<T> inner) {
    return new DecodeOnceSerde<>(inner);
  }

  @Override
  public Serializer<T> serializer() {
    return inner.serializer();
  }

  @Override
  public Deserializer<T> deserializer() {
    Deserializer<T> decoder = inner.deserializer();
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      T value = decoded.get(Bytes.wrap(bytes));
      if (value == null) {
        value = decoder.deserialize(topic, bytes);
        if (value != null) {
          if (decoded.size() >= MAX_ENTRIES) {
            decoded.clear();
          }
          decoded.put(Bytes.wrap(bytes.clone()), value); // the caller may reuse its array
        }
      }
      return value;
    };
  }
}
