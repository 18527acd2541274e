package dev.foodpipeline.model.connect;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes records of a processed topic as the compact JSON of their Connect struct ({@link
 * CompactJson}: the fields only, no schema), and reads them back. The JDBC sink reads them with
 * {@link ContractConverter}, which knows each topic's schema from the same mappings.
 */
public final class ConnectJsonSerde<T> implements Serde<T> {
  private final ConnectMapping<T> mapping;

  private ConnectJsonSerde(ConnectMapping<T> mapping) {
    this.mapping = mapping;
  }

  /** The serde of a key or value type of a processed topic. */
  public static <T> ConnectJsonSerde<T> of(ConnectMapping<T> mapping) {
    return new ConnectJsonSerde<>(mapping);
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> value == null ? null : CompactJson.write(mapping.toStruct(value));
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) ->
        bytes == null ? null : mapping.fromStruct(CompactJson.read(mapping.schema(), bytes));
  }
}
