package dev.foodpipeline.streams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.foodpipeline.infra.KafkaBroker;
import dev.foodpipeline.model.Address;
import dev.foodpipeline.model.MenuItem;
import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.OrderLine;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.RejectedOrder;
import dev.foodpipeline.model.Restaurant;
import dev.foodpipeline.model.SourcePosition;
import dev.foodpipeline.model.catalog.RestaurantCatalog;
import dev.foodpipeline.streams.StreamsApp;
import dev.foodpipeline.streams.StreamsSettings;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two app instances of two stream threads each on a real broker: every input, good or corrupt,
 * comes out exactly once as a processed order or a rejection (read with read_committed), the
 * instances share the partitions and keep running, and when one instance leaves the other takes
 * over its partitions without losing or repeating anything.
 */
class StreamsAppIT {
  private static final RestaurantCatalog CATALOG = RestaurantCatalog.generate(42L);

  /** Published corrupt before the apps start: read back from the store as "no such restaurant". */
  private static final String CORRUPT_RESTAURANT = "r-020";

  private static final Duration STARTUP = Duration.ofSeconds(60);

  private static KafkaBroker broker;
  private static PipelineTopics topics;

  @TempDir Path stateDirA;
  @TempDir Path stateDirB;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.start();
    topics = new PipelineTopics(broker.bootstrapServers());
    topics.create();
    topics.publish(CATALOG);
    topics.publishRaw(
        "restaurants",
        CORRUPT_RESTAURANT,
        "{\"restaurantId\": oops".getBytes(StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stopBroker() {
    if (topics != null) {
      topics.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void twoInstancesOfTwoThreadsTurnEveryInputIntoExactlyOneOutputAndSurviveALeavingInstance()
      throws Exception {
    StreamsApp appA = new StreamsApp(settings("a", stateDirA));
    StreamsApp appB = new StreamsApp(settings("b", stateDirB));
    try (appA;
        appB) {
      appA.start();
      appB.start();
      appA.awaitRunning(STARTUP);
      appB.awaitRunning(STARTUP);
      await().atMost(STARTUP).until(() -> assignedPartitions(appA, appB).size() == 3);
      assertThat(assignedPartitions(appA, appB))
          .containsExactlyInAnyOrder("food-orders-0", "food-orders-1", "food-orders-2");
      assertThat(appA.assignment()).hasSize(2);
      assertThat(appB.assignment()).hasSize(2);

      Batch first = Batch.mixed("first", 240);
      first.send();
      topics.publishRaw("restaurants", "r-500", new byte[] {(byte) 0xFF, 0, (byte) 0xFE});
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> topics.drained(StreamsSettings.DEFAULT_APPLICATION_ID));
      first.assertExactlyOnce();
      assertThat(appA.isRunning()).as("instance a still running after corrupt input").isTrue();
      assertThat(appB.isRunning()).as("instance b still running after corrupt input").isTrue();

      assertThat(appA.close(Duration.ofSeconds(30))).isTrue();
      await().atMost(STARTUP).until(() -> appB.isRunning() && assignedPartitions(appB).size() == 3);

      Batch second = Batch.mixed("second", 120);
      second.send();
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> topics.drained(StreamsSettings.DEFAULT_APPLICATION_ID));
      Batch.assertExactlyOnce(first, second);
      assertThat(appB.isRunning()).isTrue();
    }
  }

  private StreamsSettings settings(String instanceId, Path stateDir) {
    return StreamsSettings.builder()
        .flag("--bootstrap-servers", broker.bootstrapServers())
        .flag("--instance-id", instanceId)
        .flag("--state-dir", stateDir)
        .flag("--threads", 2)
        .build();
  }

  /** The food-orders partitions the apps' threads work on (not those of the repartition topics). */
  private static List<String> assignedPartitions(StreamsApp... apps) {
    return Stream.of(apps)
        .flatMap(app -> app.assignment().stream())
        .flatMap(thread -> thread.activePartitions().stream())
        .filter(partition -> partition.matches("food-orders-\\d+"))
        .toList();
  }

  /** A batch of inputs and what each must become. */
  private static final class Batch {
    private final List<Map.Entry<String, byte[]>> inputs = new ArrayList<>();
    private final List<ReasonCode> expected = new ArrayList<>(); // null = processed
    private final List<Integer> lines = new ArrayList<>();
    private List<SourcePosition> positions;

    static Batch mixed(String name, int size) {
      Batch batch = new Batch();
      for (int i = 0; i < size; i++) {
        String orderId = name + "-" + i;
        Restaurant restaurant = CATALOG.get(i % (CATALOG.size() - 1)); // never the corrupt r-020
        Order valid = order(orderId, restaurant.restaurantId(), restaurant.menu().get(0), 2);
        switch (i % 8) {
          case 0 ->
              batch.add(
                  orderId,
                  "{\"orderId\": broken".getBytes(StandardCharsets.UTF_8),
                  ReasonCode.MALFORMED_JSON,
                  0);
          case 1 ->
              batch.add(
                  orderId, new byte[] {(byte) 0xC3, 0x28, (byte) i}, ReasonCode.MALFORMED_JSON, 0);
          case 2 ->
              batch.add(
                  orderId,
                  PipelineTopics.json(
                      order(orderId, CORRUPT_RESTAURANT, restaurant.menu().get(0), 1)),
                  ReasonCode.UNKNOWN_RESTAURANT,
                  0);
          case 3 ->
              batch.add(
                  orderId,
                  PipelineTopics.json(
                      order(orderId, restaurant.restaurantId(), restaurant.menu().get(0), 0)),
                  ReasonCode.BAD_QUANTITY,
                  0);
          case 4 -> batch.add(orderId, null, ReasonCode.MALFORMED_JSON, 0);
          default -> batch.add(orderId, PipelineTopics.json(valid), null, valid.items().size());
        }
      }
      return batch;
    }

    private static Order order(String orderId, String restaurantId, MenuItem item, int quantity) {
      return new Order(
          orderId,
          "c-" + orderId,
          restaurantId,
          List.of(
              new OrderLine(item.menuItemId(), quantity, item.price()),
              new OrderLine(item.menuItemId(), 1, item.price())),
          new Address("Rua Nova 1", "Porto", "4000-001"),
          Instant.now().minusSeconds(30));
    }

    private void add(String key, byte[] value, ReasonCode code, int lineCount) {
      inputs.add(new java.util.AbstractMap.SimpleEntry<>(key, value));
      expected.add(code);
      lines.add(lineCount);
    }

    void send() throws Exception {
      positions = topics.sendOrders(inputs);
    }

    void assertExactlyOnce() throws Exception {
      assertExactlyOnce(this);
    }

    /** Everything read back from the output topics is exactly the outputs of these batches. */
    static void assertExactlyOnce(Batch... batches) throws Exception {
      Map<SourcePosition, ReasonCode> rejections = new HashMap<>();
      List<SourcePosition> accepted = new ArrayList<>();
      int lineTotal = 0;
      for (Batch batch : batches) {
        for (int i = 0; i < batch.inputs.size(); i++) {
          if (batch.expected.get(i) == null) {
            accepted.add(batch.positions.get(i));
            lineTotal += batch.lines.get(i);
          } else {
            rejections.put(batch.positions.get(i), batch.expected.get(i));
          }
        }
      }
      List<ProcessedOrder> processed = topics.processed();
      List<RejectedOrder> rejected = topics.rejected();

      assertThat(processed)
          .extracting(
              order ->
                  new SourcePosition("food-orders", order.sourcePartition(), order.sourceOffset()))
          .containsExactlyInAnyOrderElementsOf(accepted);
      assertThat(rejected)
          .extracting(
              r -> new SourcePosition(r.sourceTopic(), r.sourcePartition(), r.sourceOffset()))
          .containsExactlyInAnyOrderElementsOf(rejections.keySet());
      assertThat(rejected)
          .allSatisfy(
              r ->
                  assertThat(r.reasonCode())
                      .isEqualTo(
                          rejections.get(
                              new SourcePosition(
                                  r.sourceTopic(), r.sourcePartition(), r.sourceOffset()))));
      assertThat(processed)
          .allSatisfy(order -> assertThat(order.total()).isGreaterThan(BigDecimal.ZERO));
      var items = topics.items();
      assertThat(items).hasSize(lineTotal);
      assertThat(items.stream().map(record -> record.key()).distinct()).hasSize(lineTotal);
    }
  }
}
