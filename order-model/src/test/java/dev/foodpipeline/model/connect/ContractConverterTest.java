package dev.foodpipeline.model.connect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foodpipeline.model.OrderKey;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.SourcePosition;
import dev.foodpipeline.model.TestOrders;
import dev.foodpipeline.model.rules.OrderEnricher;
import dev.foodpipeline.model.sink.SinkSchema;
import dev.foodpipeline.model.sink.SinkTable;
import dev.foodpipeline.model.topics.Topics;
import java.math.BigDecimal;
import java.util.Date;
import java.util.Map;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class ContractConverterTest {
  private static final String TOPIC = Topics.FOOD_ORDERS_PROCESSED.name();
  private static final ProcessedOrder ORDER =
      new OrderEnricher()
          .enrich(
              TestOrders.validOrder(),
              TestOrders.restaurant(),
              new SourcePosition("food-orders", 1, 5),
              TestOrders.NOW)
          .order();

  private static ContractConverter converter(boolean isKey) {
    ContractConverter converter = new ContractConverter();
    converter.configure(Map.of(), isKey);
    return converter;
  }

  private static byte[] orderBytes() {
    return Topics.FOOD_ORDERS_PROCESSED.valueSerde().serializer().serialize(TOPIC, ORDER);
  }

  @Test
  void readsWhatTheStreamsAppWritesAsAStructOfTheTopicsTableSchema() {
    SchemaAndValue data = converter(false).toConnectData(TOPIC, orderBytes());

    assertThat(data.schema()).isEqualTo(ConnectMappings.PROCESSED_ORDER.schema());
    Struct struct = (Struct) data.value();
    assertThat(struct.getString("order_id")).isEqualTo("o-1");
    assertThat((BigDecimal) struct.get("total")).isEqualTo(ORDER.total());
    assertThat(((BigDecimal) struct.get("total")).scale()).isEqualTo(2);
    assertThat((Date) struct.get("created_at")).isEqualTo(Date.from(TestOrders.NOW));
    assertThat(struct.getInt64("source_offset")).isEqualTo(5L);
    assertThat(ConnectMappings.PROCESSED_ORDER.fromStruct(struct)).isEqualTo(ORDER);
  }

  @Test
  void readsKeysWithTheKeySchemaAndWritesWhatItReads() {
    byte[] key =
        Topics.FOOD_ORDERS_PROCESSED.keySerde().serializer().serialize(TOPIC, new OrderKey("o-9"));
    ContractConverter keys = converter(true);

    SchemaAndValue data = keys.toConnectData(TOPIC, key);

    assertThat(data.schema()).isEqualTo(ConnectMappings.ORDER_KEY.schema());
    assertThat(((Struct) data.value()).getString("order_id")).isEqualTo("o-9");
    assertThat(keys.fromConnectData(TOPIC, data.schema(), data.value())).isEqualTo(key);
  }

  @Test
  void knowsEverySinkTopic() {
    for (SinkTable table : SinkSchema.tables()) {
      String topic = table.topic().name();
      assertThat(converter(false).toConnectData(topic, null).schema())
          .as(topic)
          .isEqualTo(table.valueSchema());
    }
  }

  @Test
  void saysWhichFieldIsMissing() {
    String json = new String(orderBytes(), UTF_8).replaceFirst("\"customer_id\":\"[^\"]*\",", "");

    assertThatThrownBy(() -> converter(false).toConnectData(TOPIC, json.getBytes(UTF_8)))
        .isInstanceOf(DataException.class)
        .hasMessage(
            "food-orders-processed: the value is not dev.foodpipeline.ProcessedOrder:"
                + " customer_id is missing");
  }

  @Test
  void rejectsWrongTypesAndInexactMoney() {
    String json = new String(orderBytes(), UTF_8);

    assertThatThrownBy(() -> read(json.replaceFirst("\"item_count\":\\d+", "\"item_count\":\"3\"")))
        .hasMessageEndingWith("item_count is not an int32: \"3\"");
    assertThatThrownBy(() -> read(json.replaceFirst("\"total\":[0-9.]+", "\"total\":1.005")))
        .hasMessageEndingWith("total has more than 2 decimal places: 1.005");
    assertThatThrownBy(
            () -> read(json.replaceFirst("\"created_at\":\"[^\"]*\"", "\"created_at\":\"noon\"")))
        .hasMessageEndingWith("created_at is not an ISO-8601 instant: \"noon\"");
    assertThatThrownBy(() -> read("{\"order_id\": oops"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> read("[1, 2]")).hasMessageContaining("not a JSON object");
  }

  @Test
  void ignoresUnknownFieldsAndAcceptsWholeNumbersAsMoney() {
    String json =
        new String(orderBytes(), UTF_8)
            .replaceFirst("\"total\":[0-9.]+", "\"total\":21")
            .replaceFirst("\\{", "{\"coupon\":\"SPRING\",");

    Struct struct = (Struct) read(json).value();

    assertThat((BigDecimal) struct.get("total")).isEqualTo(new BigDecimal("21.00"));
  }

  @Test
  void namesTheTopicsItKnowsWhenAskedForAnother() {
    assertThatThrownBy(() -> converter(false).toConnectData("food-orders", new byte[] {'{', '}'}))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith("the contract has no value schema for topic food-orders (known: [")
        .hasMessageContaining("food-orders-processed");
    assertThatThrownBy(
            () -> converter(true).toConnectData(Topics.ORDER_NOTIFICATIONS.name(), new byte[0]))
        .hasMessageStartingWith("the contract has no key schema for topic order-notifications");
  }

  @Test
  void writesStructsOnly() {
    assertThat(converter(false).fromConnectData(TOPIC, null, null)).isNull();
    assertThatThrownBy(() -> converter(false).fromConnectData(TOPIC, null, "text"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("writes structs only");
  }

  private static SchemaAndValue read(String json) {
    return converter(false).toConnectData(TOPIC, json.getBytes(UTF_8));
  }
}
