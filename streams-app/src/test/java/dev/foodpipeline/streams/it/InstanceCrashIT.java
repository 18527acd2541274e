package dev.foodpipeline.streams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.foodpipeline.infra.KafkaBroker;
import dev.foodpipeline.infra.Ports;
import dev.foodpipeline.model.Address;
import dev.foodpipeline.model.MenuItem;
import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.OrderLine;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.RejectedOrder;
import dev.foodpipeline.model.Restaurant;
import dev.foodpipeline.model.catalog.RestaurantCatalog;
import dev.foodpipeline.streams.StreamsSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two instances on a real broker, one of them a separate JVM that is killed with SIGKILL in the
 * middle of a run of 3,000 orders: {@code /assignment} shows the partitions move to the newcomer,
 * then back to the survivor once the dead instance's session times out, and every input comes out
 * exactly once (read with read_committed): each valid order once in food-orders-processed, each
 * invalid one once in food-orders-rejected, and no order rejected as a duplicate of itself.
 *
 * <p>To study Kafka Streams' corrupted-task path (docs/streams-app.md, "A killed run's local state
 * is wiped"), three system properties change the run: {@code -Dcrash.skipWarmUp=true} lets the
 * second instance join before any store has changelog data, {@code -Dcrash.slice=10} sends each
 * batch of 100 in slices of 10 (about 15 s of steady traffic instead of a 1.5 s burst), {@code
 * -Dcrash.commitIntervalMs=5000} widens the window of uncommitted results. For example: {@code
 * ./mvnw -pl streams-app verify -Dit.test=InstanceCrashIT -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dcrash.skipWarmUp=true}.
 */
class InstanceCrashIT {
  private static final Logger log = LoggerFactory.getLogger(InstanceCrashIT.class);
  private static final RestaurantCatalog CATALOG = RestaurantCatalog.generate(5L);
  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final int ORDERS = 3_000;
  private static final int KILL_AFTER = 1_000;

  /**
   * The least the broker allows (group.min.session.timeout.ms), so that the test does not wait 45
   * s.
   */
  private static final Map<String, String> FAST_FAILURE_DETECTION =
      Map.of("session.timeout.ms", "6000", "heartbeat.interval.ms", "1000");

  /**
   * Both instances' commit interval in ms ({@code -Dcrash.commitIntervalMs}); the app's default.
   */
  private static final String COMMIT_INTERVAL_MS =
      System.getProperty(
          "crash.commitIntervalMs",
          Long.toString(StreamsSettings.DEFAULT_COMMIT_INTERVAL.toMillis()));

  @TempDir Path stateA;
  @TempDir Path stateB;

  @Test
  void killingAnInstanceMidRunMovesItsPartitionsAndLosesOrRepeatsNoOrder() throws Exception {
    try (KafkaBroker broker = KafkaBroker.start();
        PipelineTopics topics = new PipelineTopics(broker.bootstrapServers());
        Admin admin =
            Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      topics.create();
      topics.publish(CATALOG);

      try (Instance a = new Instance(settings(broker, "a", stateA))) {
        a.app.awaitRunning(TIMEOUT);
        await("a owns every partition")
            .atMost(TIMEOUT)
            .until(
                () ->
                    Instance.ownedOrderPartitions(a.get("/assignment").json(), a.server())
                        .equals(Instance.ORDER_PARTITIONS));
        // A first batch before the second instance joins: every store has changelog data (and so a
        // checkpoint) when its task moves. (Kafka Streams 4.4 treats a RocksDB window store that
        // moves back to an instance before its changelog has any data as corrupted under
        // exactly-once; see docs/streams-app.md.)
        Expected expected = new Expected();
        if (!Boolean.getBoolean("crash.skipWarmUp")) {
          topics.sendOrders(batch(-1, expected));
          await("the first batch processed")
              .atMost(TIMEOUT)
              .until(() -> topics.drained(StreamsSettings.DEFAULT_APPLICATION_ID));
        }

        List<String> args =
            new ArrayList<>(
                List.of(
                    "--bootstrap-servers",
                    broker.bootstrapServers(),
                    "--instance-id",
                    "b",
                    "--threads",
                    "2",
                    "--state-dir",
                    stateB.toString(),
                    "--commit-interval-ms",
                    COMMIT_INTERVAL_MS));
        FAST_FAILURE_DETECTION.forEach(
            (key, value) -> args.addAll(List.of("-c", key + "=" + value)));
        try (ChildInstance b = ChildInstance.start("instance-crash-it-b", Ports.free(), args)) {
          long joinStarted = System.nanoTime();
          await("b joins and takes partitions; both show the same global view")
              .atMost(TIMEOUT)
              .ignoreExceptionsInstanceOf(java.io.UncheckedIOException.class)
              .until(
                  () -> {
                    if (!b.isAlive()) {
                      throw new AssertionError("instance b exited:\n" + b.tail());
                    }
                    JsonNode viewA = a.get("/assignment").json();
                    Instance.Reply fromB = Instance.get(b.url(), "/assignment");
                    return fromB.status() == 200
                        && viewA.get("instances").size() == 2
                        && viewA.get("instances").equals(fromB.json().get("instances"))
                        && viewA.get("partitions").equals(fromB.json().get("partitions"))
                        && !Instance.ownedOrderPartitions(viewA, b.server()).isEmpty()
                        && !Instance.ownedOrderPartitions(viewA, a.server()).isEmpty();
                  });
          log.info(
              "b joined: partitions moved {} ms after its JVM started",
              (System.nanoTime() - joinStarted) / 1_000_000);
          Set<String> ofB = Instance.ownedOrderPartitions(a.get("/assignment").json(), b.server());

          AtomicInteger sent = new AtomicInteger();
          CompletableFuture<Void> producing =
              CompletableFuture.runAsync(() -> produce(topics, expected, sent));
          await().atMost(TIMEOUT).until(() -> sent.get() >= KILL_AFTER);
          await("b has committed work of its own")
              .atMost(TIMEOUT)
              .until(() -> committed(admin, ofB) > 0);
          b.kill();
          long killed = System.nanoTime();
          log.info("killed b (SIGKILL) after {} orders were sent", sent.get());

          await("a owns every partition again")
              .atMost(TIMEOUT)
              .until(
                  () -> {
                    JsonNode view = a.get("/assignment").json();
                    return view.get("instances").size() == 1
                        && Instance.ownedOrderPartitions(view, a.server())
                            .equals(Instance.ORDER_PARTITIONS);
                  });
          log.info(
              "a owns every partition {} ms after b was killed",
              (System.nanoTime() - killed) / 1_000_000);
          producing.get();
          await("everything processed")
              .atMost(TIMEOUT)
              .until(() -> topics.drained(StreamsSettings.DEFAULT_APPLICATION_ID));
          log.info(
              "every input processed and committed {} ms after b was killed",
              (System.nanoTime() - killed) / 1_000_000);

          List<ProcessedOrder> processed = topics.processed();
          List<RejectedOrder> rejected = topics.rejected();
          String report =
              Outcome.report(
                  expected.valid,
                  processed.stream().map(ProcessedOrder::orderId).toList(),
                  rejected);
          assertThat(processed)
              .extracting(ProcessedOrder::orderId)
              .as("every valid order exactly once: %s", report)
              .containsExactlyInAnyOrderElementsOf(expected.valid);
          assertThat(rejected)
              .extracting(RejectedOrder::orderId)
              .as("every invalid order exactly once: %s", report)
              .containsExactlyInAnyOrderElementsOf(expected.invalid);
          assertThat(rejected)
              .allSatisfy(
                  r ->
                      assertThat(r.reasonCode())
                          .isIn(ReasonCode.MALFORMED_JSON, ReasonCode.BAD_QUANTITY));
          assertThat(topics.items()).hasSize(expected.valid.size());
          assertThat(a.get("/ready").status()).isEqualTo(200);
        }
      }
    }
  }

  /** A short account of what differs, for a failure message (AssertJ cuts long lists). */
  private static final class Outcome {
    static String report(
        List<String> valid, List<String> processedIds, List<RejectedOrder> rejected) {
      Map<String, Long> counts =
          processedIds.stream()
              .collect(
                  java.util.stream.Collectors.groupingBy(
                      id -> id, java.util.stream.Collectors.counting()));
      List<String> missing = valid.stream().filter(id -> !counts.containsKey(id)).toList();
      List<String> twice =
          counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
      Map<String, String> rejectedAs = new java.util.HashMap<>();
      rejected.forEach(
          r ->
              rejectedAs.put(
                  r.orderId(),
                  r.reasonCode()
                      + " at "
                      + r.sourcePartition()
                      + "@"
                      + r.sourceOffset()
                      + ": "
                      + r.reason()));
      List<String> missingWhy =
          missing.stream()
              .limit(10)
              .map(id -> id + " -> " + rejectedAs.getOrDefault(id, "nowhere"))
              .toList();
      return String.format(
          "%d valid expected, %d processed records, %d missing %s, %d twice %s, rejected %d",
          valid.size(),
          processedIds.size(),
          missing.size(),
          missingWhy,
          twice.size(),
          twice.stream().limit(10).toList(),
          rejected.size());
    }
  }

  /** What the run must produce: the ids of the valid orders and of the invalid ones. */
  private static final class Expected {
    final List<String> valid = new ArrayList<>();
    final List<String> invalid = new ArrayList<>();
  }

  /** 3,000 inputs in batches of 100, one batch every 50 ms: about 1.5 s of steady load. */
  private static void produce(PipelineTopics topics, Expected expected, AtomicInteger sent) {
    try {
      for (int batch = 0; batch < ORDERS / 100; batch++) {
        List<Map.Entry<String, byte[]>> inputs = batch(batch, expected);
        int slice = Integer.getInteger("crash.slice", inputs.size());
        for (int from = 0; from < inputs.size(); from += slice) {
          List<Map.Entry<String, byte[]>> part =
              inputs.subList(from, Math.min(inputs.size(), from + slice));
          topics.sendOrders(part);
          sent.addAndGet(part.size());
          Thread.sleep(50); // pacing the load, not synchronising
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Batch {@code n} of 100 inputs (n = -1: the warm-up): one in ten corrupt, one in ten with a bad
   * quantity.
   */
  private static List<Map.Entry<String, byte[]>> batch(int n, Expected expected) {
    List<Map.Entry<String, byte[]>> inputs = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String orderId = (n < 0 ? "warm-up-" : "crash-") + (Math.max(n, 0) * 100 + i);
      Restaurant restaurant = CATALOG.get(i % CATALOG.size());
      if (i % 10 == 0) {
        inputs.add(
            new SimpleEntry<>(
                orderId,
                ("{\"orderId\":\"" + orderId + "\", oops").getBytes(StandardCharsets.UTF_8)));
        expected.invalid.add(orderId);
      } else if (i % 10 == 1) {
        inputs.add(new SimpleEntry<>(orderId, PipelineTopics.json(order(orderId, restaurant, 0))));
        expected.invalid.add(orderId);
      } else {
        inputs.add(new SimpleEntry<>(orderId, PipelineTopics.json(order(orderId, restaurant, 1))));
        expected.valid.add(orderId);
      }
    }
    return inputs;
  }

  private static Order order(String orderId, Restaurant restaurant, int quantity) {
    MenuItem item = restaurant.menu().get(0);
    return new Order(
        orderId,
        "c-" + orderId,
        restaurant.restaurantId(),
        List.of(new OrderLine(item.menuItemId(), quantity, item.price())),
        new Address("Rua Nova 1", "Porto", "4000-001"),
        Instant.now());
  }

  private static long committed(Admin admin, Set<String> partitions) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin
            .listConsumerGroupOffsets(StreamsSettings.DEFAULT_APPLICATION_ID)
            .partitionsToOffsetAndMetadata()
            .get();
    return offsets.entrySet().stream()
        .filter(e -> partitions.contains(e.getKey().toString()) && e.getValue() != null)
        .mapToLong(e -> e.getValue().offset())
        .sum();
  }

  private static StreamsSettings settings(KafkaBroker broker, String instanceId, Path stateDir) {
    return Instance.settings(broker, instanceId, stateDir)
        .flag("--threads", 2)
        .flag("--commit-interval-ms", COMMIT_INTERVAL_MS)
        .config(FAST_FAILURE_DETECTION)
        .build();
  }
}
