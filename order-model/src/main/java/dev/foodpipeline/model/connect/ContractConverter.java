package dev.foodpipeline.model.connect;

import dev.foodpipeline.model.sink.SinkSchema;
import dev.foodpipeline.model.sink.SinkTable;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;

/**
 * The Kafka Connect converter of the processed topics: it knows each topic's key and value schema
 * from the contract ({@link SinkSchema}'s tables), so records carry only their fields ({@link
 * CompactJson}) and the JDBC sink still gets typed structs. Named by the connectors of
 * connect/connectors as {@code key.converter} and {@code value.converter}; it lives in the Connect
 * worker's plugin folder {@code food-contract-converter}.
 *
 * <p>A record it cannot read (not JSON, a field missing or of the wrong type, a topic outside the
 * contract) fails with a {@link DataException} that says why: with {@code errors.tolerance=all}
 * Connect writes it to the dead-letter topic and goes on.
 */
public final class ContractConverter implements Converter {
  private static final Map<String, SinkTable> TABLES_BY_TOPIC =
      SinkSchema.tables().stream()
          .collect(Collectors.toUnmodifiableMap(t -> t.topic().name(), Function.identity()));

  private boolean isKey;

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.isKey = isKey;
  }

  @Override
  public byte[] fromConnectData(String topic, Schema schema, Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof Struct struct)) {
      throw new DataException(
          topic + ": " + ContractConverter.class.getSimpleName() + " writes structs only");
    }
    return CompactJson.write(struct);
  }

  @Override
  public SchemaAndValue toConnectData(String topic, byte[] value) {
    Schema schema = schema(topic);
    if (value == null) {
      return new SchemaAndValue(schema, null);
    }
    try {
      return new SchemaAndValue(schema, CompactJson.read(schema, value));
    } catch (DataException e) {
      throw new DataException(
          topic
              + ": the "
              + (isKey ? "key" : "value")
              + " is not "
              + schema.name()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private Schema schema(String topic) {
    SinkTable table = TABLES_BY_TOPIC.get(topic);
    Schema schema = table == null ? null : isKey ? table.keySchema() : table.valueSchema();
    if (schema == null) {
      throw new DataException(
          "the contract has no "
              + (isKey ? "key" : "value")
              + " schema for topic "
              + topic
              + " (known: "
              + TABLES_BY_TOPIC.keySet().stream().sorted().toList()
              + ")");
    }
    return schema;
  }
}
