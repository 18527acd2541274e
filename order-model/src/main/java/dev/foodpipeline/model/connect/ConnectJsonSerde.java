package dev.foodpipeline.model.connect;

import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.apache.kafka.connect.storage.ConverterType;

/**
 * Writes records as Kafka Connect's own {@link JsonConverter} does with {@code
 * schemas.enable=true}: a {@code {"schema": …, "payload": …}} envelope that the JDBC sink reads
 * without a schema registry. Decimals are written as JSON numbers ({@code decimal.format=NUMERIC}).
 */
public final class ConnectJsonSerde<T> implements Serde<T> {
  private final ConnectMapping<T> mapping;
  private final JsonConverter converter = new JsonConverter();

  private ConnectJsonSerde(ConnectMapping<T> mapping, boolean isKey) {
    this.mapping = mapping;
    converter.configure(
        Map.of(
            JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, "true",
            JsonConverterConfig.DECIMAL_FORMAT_CONFIG, "NUMERIC",
            JsonConverterConfig.TYPE_CONFIG,
                (isKey ? ConverterType.KEY : ConverterType.VALUE).getName()));
  }

  public static <T> ConnectJsonSerde<T> forKey(ConnectMapping<T> mapping) {
    return new ConnectJsonSerde<>(mapping, true);
  }

  public static <T> ConnectJsonSerde<T> forValue(ConnectMapping<T> mapping) {
    return new ConnectJsonSerde<>(mapping, false);
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) ->
        value == null
            ? null
            : converter.fromConnectData(topic, mapping.schema(), mapping.toStruct(value));
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      SchemaAndValue data = converter.toConnectData(topic, bytes);
      return mapping.fromStruct((Struct) data.value());
    };
  }
}
