package dev.foodpipeline.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.model.connect.ContractConverter;
import dev.foodpipeline.model.sink.SinkSchema;
import dev.foodpipeline.model.sink.SinkTable;
import dev.foodpipeline.model.topics.Topic;
import dev.foodpipeline.model.topics.Topics;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The connector files in connect/connectors/ say what the design says. */
class ShippedConnectorsTest {

  private final List<ConnectorConfig> connectors =
      ConnectorRegistrar.load(List.of(Path.of("connectors")));

  @Test
  void oneSinkPerTopicIntoItsTable() {
    assertThat(connectors)
        .extracting(ConnectorConfig::name)
        .containsExactly(
            "notifications-sink",
            "order-items-sink",
            "orders-sink",
            "rejected-orders-sink",
            "restaurant-stats-sink");
    assertThat(topicToTable())
        .containsExactly(
            Map.entry("order-notifications", "notifications"),
            Map.entry("food-order-items", "order_items"),
            Map.entry("food-orders-processed", "orders"),
            Map.entry("food-orders-rejected", "rejected_orders"),
            Map.entry("restaurant-stats", "restaurant_stats"));
  }

  @Test
  void eachTableOfTheSinkSchemaIsWrittenByOneConnectorFromItsTopic() {
    Map<String, String> described = new LinkedHashMap<>();
    for (SinkTable table : SinkSchema.tables()) {
      described.put(table.topic().name(), table.name());
    }
    assertThat(topicToTable()).containsExactlyInAnyOrderEntriesOf(described);
    assertThat(connectors).hasSameSizeAs(SinkSchema.tables());
  }

  @Test
  void everyTopicTheConnectorsReadOrWriteIsInTheTopicRegistry() {
    List<String> registry = Topics.all().stream().map(Topic::name).toList();
    for (ConnectorConfig connector : connectors) {
      assertThat(registry)
          .as(connector.name())
          .contains(
              connector.config().get("topics"),
              connector.config().get("errors.deadletterqueue.topic.name"));
    }
  }

  @Test
  void everySinkUpsertsOnItsTablesKeyReadingOnlyCommittedRecords() {
    for (ConnectorConfig connector : connectors) {
      SinkTable table = tableOf(connector);
      if (table.keyFromValue()) {
        assertThat(connector.config())
            .as(connector.name())
            .containsEntry("primary.key.mode", "record_value")
            .containsEntry(
                "primary.key.fields",
                String.join(",", table.primaryKey().stream().map(c -> c.name()).toList()))
            .containsEntry("key.converter", "org.apache.kafka.connect.storage.StringConverter");
      } else {
        assertThat(connector.config())
            .as(connector.name())
            .containsEntry("primary.key.mode", "record_key")
            .containsEntry("key.converter", ContractConverter.class.getName());
      }
      assertThat(connector.config())
          .as(connector.name())
          .containsEntry("connector.class", "io.debezium.connector.jdbc.JdbcSinkConnector")
          .containsEntry("tasks.max", "1")
          .containsEntry("connection.url", "jdbc:postgresql://127.0.0.1:5432/food")
          .containsEntry("connection.username", "food")
          .containsEntry("connection.password", "${directory:/run/secrets/food-db:password}")
          .containsEntry("connection.pool.min_size", "1")
          .containsEntry("connection.pool.max_size", "2")
          .containsEntry("insert.mode", "upsert")
          .containsEntry("schema.evolution", "basic")
          .containsEntry("consumer.override.isolation.level", "read_committed")
          .containsEntry("value.converter", ContractConverter.class.getName());
    }
  }

  @Test
  void unreadableRecordsGoToOneDeadLetterTopicWithTheirOrigin() {
    for (ConnectorConfig connector : connectors) {
      assertThat(connector.config())
          .as(connector.name())
          .containsEntry("errors.tolerance", "all")
          .containsEntry("errors.deadletterqueue.topic.name", Topics.FOOD_SINK_DLQ.name())
          .containsEntry("errors.deadletterqueue.topic.replication.factor", "-1")
          .containsEntry("errors.deadletterqueue.context.headers.enable", "true");
    }
  }

  @Test
  void aLostDatabaseConnectionIsRetriedForAboutThirtySecondsBeforeTheTaskFails() {
    for (ConnectorConfig connector : connectors) {
      assertThat(connector.config())
          .as(connector.name())
          .containsEntry("connection.restart.on.errors", "true")
          .containsEntry("flush.max.retries", "10")
          .containsEntry("flush.retry.delay.ms", "3000");
    }
  }

  private static SinkTable tableOf(ConnectorConfig connector) {
    return SinkSchema.tables().stream()
        .filter(t -> t.name().equals(connector.config().get("collection.name.format")))
        .findFirst()
        .orElseThrow(() -> new AssertionError(connector.name() + " writes no table of SinkSchema"));
  }

  private Map<String, String> topicToTable() {
    Map<String, String> mapping = new LinkedHashMap<>();
    connectors.forEach(
        connector ->
            mapping.put(
                connector.config().get("topics"),
                connector.config().get("collection.name.format")));
    return mapping;
  }
}
