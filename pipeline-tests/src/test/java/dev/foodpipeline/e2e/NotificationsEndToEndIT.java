package dev.foodpipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.foodpipeline.e2e.Pipeline.GeneratorRun;
import dev.foodpipeline.generator.GeneratedOrder;
import dev.foodpipeline.generator.GenerationSpec;
import dev.foodpipeline.generator.OrderFactory;
import dev.foodpipeline.generator.OrderShape;
import dev.foodpipeline.model.Notification;
import dev.foodpipeline.model.NotificationType;
import dev.foodpipeline.model.json.Json;
import dev.foodpipeline.model.topics.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The notification service on the whole pipeline: a seeded run with invalid orders and a burst to
 * one restaurant, in two halves: the service is killed with SIGKILL while it works through the
 * first, the second is produced while it is dead, then it is started again on its state. Afterwards
 * every order has told its customer exactly once, of the right type, in {@code order-notifications}
 * (read_committed) and in the {@code notifications} table ({@code reconcile}, which checks the
 * notifications too, exits 0); the hot restaurant was told {@code KITCHEN_OVERLOADED}. Then a
 * subscriber of a customer's event stream, connected before the customer's order is produced,
 * receives its {@code ORDER_CONFIRMED} within 2 s.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationsEndToEndIT {
  /**
   * The run's own seed; its catalogue is the one the pipeline published ({@link Pipeline#SEED}).
   */
  private static final long SEED = 91;

  private static final int COUNT = 400;
  private static final String HOT_RESTAURANT = OrderShape.DEFAULT_HOT_RESTAURANT;

  /**
   * One cook and a one-minute window: a kitchen's capacity is max(1, 1 × 1 min / its preparation
   * minutes) = 1 order, so the hot restaurant's burst overloads it at once.
   */
  private static final String[] KITCHEN = {"--kitchen-cooks", "1", "--kitchen-window-ms", "60000"};

  /** The run's generation flags, as produce and reconcile take them. */
  private static final String[] RUN = {
    "--seed",
    Long.toString(SEED),
    "--catalog-seed",
    Long.toString(Pipeline.SEED),
    "--invalid-ratio",
    "0.3",
    "--hot-restaurant-ratio",
    "0.4"
  };

  private static Pipeline pipeline;

  @BeforeAll
  static void runWithAKillInTheMiddle() throws Exception {
    pipeline = Pipeline.startWithNotificationFlags(KITCHEN);
    // The run's first half at full speed; once the service has told some customers (and
    // committed that) while it still has records to go, kill it: mid-transaction, as a crash is.
    GeneratorRun first = produce(1, COUNT / 2);
    assertThat(first.exit()).as(first.output()).isZero();
    awaitCustomerNotifications(20, Duration.ofSeconds(120));
    pipeline.notifications().kill();
    // The second half while it is dead: the records wait in Kafka for its group.
    GeneratorRun second = produce(COUNT / 2 + 1, COUNT / 2);
    assertThat(second.exit()).as(second.output()).isZero();
    pipeline.notifications().restart();
  }

  /** Sequences {@code first} to {@code first + count - 1} of the run. */
  private static GeneratorRun produce(long first, long count) {
    return pipeline.produce(
        Stream.concat(
                Stream.of(
                    "--count", Long.toString(count), "--start-sequence", Long.toString(first)),
                Stream.of(RUN))
            .toArray(String[]::new));
  }

  @AfterAll
  static void stopPipeline() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  /** Waits until the table holds at least this many of the run's customer notifications. */
  private static void awaitCustomerNotifications(long atLeast, Duration timeout) {
    String sql =
        "SELECT count(*) FROM notifications WHERE order_id LIKE 'o-"
            + SEED
            + "-%' AND type IN ('ORDER_CONFIRMED', 'ORDER_REJECTED')";
    await("the first customer notifications")
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> pipeline.database().count(sql) >= atLeast);
  }

  private static List<GeneratedOrder> run() {
    GenerationSpec spec =
        GenerationSpec.of(SEED, 0.3)
            .withCatalogSeed(Pipeline.SEED)
            .withShape(OrderShape.EVEN.withHotRestaurant(HOT_RESTAURANT, 0.4));
    return new OrderFactory(spec, Clock.systemUTC()).generate(1, COUNT).toList();
  }

  /** Every committed record of order-notifications, in partition order. */
  private static List<Notification> committedNotifications() {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            pipeline.bootstrapServers(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    List<Notification> notifications = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (int p = 0; p < Topics.ORDER_NOTIFICATIONS.partitions(); p++) {
        partitions.add(new TopicPartition(Topics.ORDER_NOTIFICATIONS.name(), p));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      // Under read_committed the end offsets are the last stable offsets.
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        assertThat(System.nanoTime() - deadline)
            .as("read order-notifications to its end")
            .isNegative();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          Notification notification =
              Topics.ORDER_NOTIFICATIONS
                  .valueSerde()
                  .deserializer()
                  .deserialize(record.topic(), record.value());
          assertThat(record.key()).isEqualTo(notification.recipientId());
          notifications.add(notification);
        }
      }
    }
    return notifications;
  }

  @Test
  @Order(1)
  void reconcileFindsEveryCustomerToldExactlyOnceInTheTable() {
    GeneratorRun result =
        pipeline.reconcile(
            Stream.concat(
                    Stream.of("--count", Integer.toString(COUNT), "--wait", "180s"), Stream.of(RUN))
                .toArray(String[]::new));

    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("OK: PostgreSQL holds exactly what the run must have produced.")
        .containsPattern("notifications\\s+(\\d+)\\s+\\1\\s+0\\s+0\\s+0");
  }

  @Test
  @Order(2)
  void everyOrderToldItsCustomerOnceOfTheRightTypeInTheTopic() {
    List<Notification> all = committedNotifications();
    List<Notification> customers =
        all.stream()
            .filter(n -> n.type().audience() == NotificationType.Audience.CUSTOMER)
            .filter(n -> n.orderId() != null && n.orderId().startsWith("o-" + SEED + "-"))
            .toList();
    Map<String, Long> byId =
        customers.stream()
            .collect(Collectors.groupingBy(Notification::notificationId, Collectors.counting()));
    assertThat(byId)
        .as("each notification once in the topic, the kill -9 notwithstanding")
        .allSatisfy((id, count) -> assertThat(count).as(id).isOne());

    List<GeneratedOrder> run = run();
    Map<String, GeneratedOrder> valid = new HashMap<>();
    run.stream().filter(GeneratedOrder::isValid).forEach(g -> valid.put(g.key(), g));
    Map<String, List<Notification>> confirmed =
        customers.stream()
            .filter(n -> n.type() == NotificationType.ORDER_CONFIRMED)
            .collect(Collectors.groupingBy(Notification::orderId));
    assertThat(confirmed.keySet())
        .as("ORDER_CONFIRMED for exactly the valid orders")
        .containsExactlyInAnyOrderElementsOf(valid.keySet());
    confirmed.forEach(
        (id, list) -> {
          assertThat(list).as(id).hasSize(1);
          assertThat(list.get(0).notificationId()).isEqualTo("order-confirmed:" + id);
          assertThat(list.get(0).customerId())
              .isEqualTo(valid.get(id).order().orElseThrow().customerId());
        });
    // A rejected order (not a copy of a valid one) is told as rejected, never as confirmed.
    Set<String> rejectedIds =
        customers.stream()
            .filter(n -> n.type() == NotificationType.ORDER_REJECTED)
            .map(Notification::orderId)
            .collect(Collectors.toSet());
    assertThat(rejectedIds).isNotEmpty();
    long invalidWithOwnId =
        run.stream().filter(g -> !g.isValid() && !valid.containsKey(g.key())).count();
    assertThat(rejectedIds.stream().filter(id -> !valid.containsKey(id)).count())
        .as("rejections told (malformed records have no customer to tell)")
        .isPositive()
        .isLessThanOrEqualTo(invalidWithOwnId);

    Set<String> inTable =
        pipeline
            .database()
            .rows(
                "SELECT notification_id FROM notifications WHERE order_id LIKE 'o-"
                    + SEED
                    + "-%' AND type IN ('ORDER_CONFIRMED', 'ORDER_REJECTED')")
            .stream()
            .map(row -> (String) row.get("notification_id"))
            .collect(Collectors.toSet());
    assertThat(inTable).as("the table holds what the topic holds").isEqualTo(byId.keySet());
  }

  @Test
  @Order(3)
  void theHotRestaurantWasToldItsKitchenIsOverloaded() {
    List<Notification> kitchen =
        committedNotifications().stream()
            .filter(n -> n.type() == NotificationType.KITCHEN_OVERLOADED)
            .filter(n -> HOT_RESTAURANT.equals(n.restaurantId()))
            .toList();

    assertThat(kitchen).isNotEmpty();
    assertThat(kitchen.get(0).ordersInWindow()).isGreaterThan(kitchen.get(0).capacity());
    assertThat(kitchen.get(0).capacity()).isOne();
    assertThat(
            pipeline
                .database()
                .count(
                    "SELECT count(*) FROM notifications WHERE type = 'KITCHEN_OVERLOADED'"
                        + " AND restaurant_id = '"
                        + HOT_RESTAURANT
                        + "'"))
        .isEqualTo(kitchen.stream().map(Notification::notificationId).distinct().count());
  }

  @Test
  @Order(4)
  void aSubscriberConnectedBeforeTheOrderIsToldWithinTwoSeconds() throws Exception {
    long seed = 92;
    GenerationSpec spec = GenerationSpec.of(seed, 0).withCatalogSeed(Pipeline.SEED);
    GeneratedOrder order = new OrderFactory(spec, Clock.systemUTC()).generate(1);
    String customer = order.order().orElseThrow().customerId();
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    pipeline.notifications().url() + "/customers/" + customer + "/notifications"))
            .GET()
            .build();
    CountDownLatch open = new CountDownLatch(1);
    AtomicReference<Instant> arrived = new AtomicReference<>();
    AtomicReference<String> data = new AtomicReference<>();
    CompletableFuture<HttpResponse<Stream<String>>> response =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    CompletableFuture<Void> reader =
        response.thenAcceptAsync(
            r -> {
              open.countDown();
              String event = null;
              for (String line : (Iterable<String>) r.body()::iterator) {
                if (line.startsWith("event: ")) {
                  event = line.substring("event: ".length());
                } else if (line.startsWith("data: ")
                    && NotificationType.ORDER_CONFIRMED.name().equals(event)) {
                  arrived.set(Instant.now());
                  data.set(line.substring("data: ".length()));
                  return;
                }
              }
            });
    assertThat(open.await(30, TimeUnit.SECONDS)).as("the event stream answered").isTrue();
    assertThat(response.get().statusCode()).isEqualTo(200);

    assertThat(
            pipeline
                .produce(
                    "--count",
                    "1",
                    "--seed",
                    Long.toString(seed),
                    "--catalog-seed",
                    Long.toString(Pipeline.SEED),
                    "--invalid-ratio",
                    "0")
                .exit())
        .isZero();
    reader.get(30, TimeUnit.SECONDS);

    JsonNode told = Json.mapper().readTree(data.get());
    assertThat(told.get("notificationId").asText()).isEqualTo("order-confirmed:" + order.key());
    Instant created = Instant.parse(told.get("eventAt").asText());
    Duration latency = Duration.between(created, arrived.get());
    System.out.println(
        "SSE: ORDER_CONFIRMED of "
            + order.key()
            + " "
            + latency.toMillis()
            + " ms after the order was made");
    assertThat(latency).isLessThan(Duration.ofSeconds(2));
  }
}
