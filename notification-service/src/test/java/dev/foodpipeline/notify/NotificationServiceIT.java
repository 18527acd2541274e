package dev.foodpipeline.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.foodpipeline.infra.KafkaBroker;
import dev.foodpipeline.model.Notification;
import dev.foodpipeline.model.NotificationType;
import dev.foodpipeline.model.OrderKey;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.RejectedOrder;
import dev.foodpipeline.model.RejectionKey;
import dev.foodpipeline.model.Restaurant;
import dev.foodpipeline.model.json.Json;
import dev.foodpipeline.model.topics.Topic;
import dev.foodpipeline.model.topics.TopicCreator;
import dev.foodpipeline.model.topics.Topics;
import dev.foodpipeline.notify.topology.Fixtures;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command as the jar runs it, on a real broker: notifications reach an event stream within 2 s,
 * a reconnect with Last-Event-ID gets what it missed and nothing twice, the restaurant endpoints,
 * the subscriber cap, and a client that reads nothing cut off.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationServiceIT {
  private static final Logger log = LoggerFactory.getLogger(NotificationServiceIT.class);

  @TempDir static Path stateDir;

  /** The kitchen of the resume test, which no other test sends orders to. */
  private static final Restaurant SECOND_KITCHEN =
      new Restaurant(
          "r-002", "Blue Greek Kitchen 2", "Greek", "Braga", 10, Fixtures.KITCHEN.menu());

  private KafkaBroker broker;
  private final Main main = new Main(Map.of(), Duration.ofMillis(500));
  private CompletableFuture<Integer> exitCode;
  private String http;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  void start() throws Exception {
    broker = KafkaBroker.start();
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      new TopicCreator(admin, Duration.ofSeconds(30)).ensure(Topics.all(), (short) 1);
    }
    send(Topics.RESTAURANTS, Fixtures.KITCHEN.restaurantId(), Fixtures.KITCHEN);
    send(Topics.RESTAURANTS, SECOND_KITCHEN.restaurantId(), SECOND_KITCHEN);
    exitCode =
        CompletableFuture.supplyAsync(
            () ->
                Main.commandLine(main)
                    .execute(
                        "--bootstrap-servers",
                        broker.bootstrapServers(),
                        "--http-port",
                        "0",
                        "--state-dir",
                        stateDir.toString(),
                        "--kitchen-cooks",
                        "1",
                        "--heartbeat-ms",
                        "500",
                        "--max-subscribers",
                        "3",
                        "--subscriber-queue",
                        "4"));
    await().atMost(Duration.ofSeconds(30)).until(() -> main.boundHttpPort > 0);
    http = "http://127.0.0.1:" + main.boundHttpPort;
    await().atMost(Duration.ofSeconds(90)).until(() -> get("/ready").statusCode() == 200);
  }

  @AfterAll
  void stop() throws Exception {
    main.requestStop();
    assertThat(exitCode.get()).isZero();
    broker.close();
  }

  private <K, V> void send(Topic<K, V> topic, K key, V value) throws Exception {
    try (KafkaProducer<K, V> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            topic.keySerde().serializer(),
            topic.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
    }
  }

  private void sendOrder(String orderId, String customerId) throws Exception {
    sendOrder(orderId, customerId, Fixtures.KITCHEN.restaurantId());
  }

  private void sendOrder(String orderId, String customerId, String restaurantId) throws Exception {
    ProcessedOrder order = Fixtures.order(orderId, customerId, restaurantId, Instant.now());
    send(Topics.FOOD_ORDERS_PROCESSED, new OrderKey(orderId), order);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(http + path)).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String notificationId(SseClient.Event event) throws Exception {
    return Json.mapper().readTree(event.data()).get("notificationId").asText();
  }

  @Test
  void aSubscriberGetsItsNotificationsWithin2sAndAResumeMissesNothingAndRepeatsNothing()
      throws Exception {
    String id;
    try (SseClient stream = new SseClient(http + "/customers/c-it-1/notifications", null)) {
      assertThat(stream.status).isEqualTo(200);
      assertThat(stream.contentType).isEqualTo("text/event-stream; charset=utf-8");
      assertThat(stream.nextComment(Duration.ofSeconds(5))).startsWith("notifications of c-it-1");

      long sent = System.nanoTime();
      sendOrder("o-it-1", "c-it-1");
      SseClient.Event confirmed = stream.next(Duration.ofSeconds(10));
      assertThat(confirmed).isNotNull();
      long latencyMs = Duration.ofNanos(confirmed.arrivedNanos() - sent).toMillis();
      log.info(
          "ORDER_CONFIRMED reached the event stream {} ms after the order was produced", latencyMs);
      assertThat(latencyMs).isLessThan(2000);
      assertThat(confirmed.type()).isEqualTo("ORDER_CONFIRMED");
      assertThat(notificationId(confirmed)).isEqualTo("order-confirmed:o-it-1");
      JsonNode data = Json.mapper().readTree(confirmed.data());
      assertThat(data.get("customerId").asText()).isEqualTo("c-it-1");
      assertThat(data.get("message").asText()).contains("Golden Thai Kitchen 1", "25.87");
      id = confirmed.id();
      assertThat(id).matches("\\d+-\\d+");
      assertThat(stream.nextComment(Duration.ofSeconds(5))).startsWith("heartbeat ");
    }

    // While disconnected: two more orders and a rejection.
    sendOrder("o-it-2", "c-it-1", SECOND_KITCHEN.restaurantId());
    sendOrder("o-it-3", "c-it-1", SECOND_KITCHEN.restaurantId());
    RejectedOrder rejection =
        new RejectedOrder(
            "food-orders",
            0,
            77,
            "o-it-4",
            ReasonCode.UNKNOWN_MENU_ITEM,
            "no menu item x",
            "{\"orderId\":\"o-it-4\",\"customerId\":\"c-it-1\",\"restaurantId\":\"r-001\"}",
            Instant.now());
    send(Topics.FOOD_ORDERS_REJECTED, RejectionKey.of(rejection), rejection);
    String since = Instant.now().minusSeconds(600).toString();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                Json.mapper()
                        .readTree(get("/customers/c-it-1/notifications?since=" + since).body())
                        .size()
                    == 4);
    HttpResponse<String> recent = get("/customers/c-it-1/notifications?since=" + since);
    assertThat(Json.mapper().readTree(recent.body()))
        .extracting(n -> n.get("notificationId").asText())
        .containsExactly(
            "order-confirmed:o-it-1",
            "order-confirmed:o-it-2",
            "order-confirmed:o-it-3",
            "order-rejected:food-orders-0-77");
    assertThat(recent.headers().firstValue("X-Last-Event-ID")).isPresent();

    try (SseClient resumed = new SseClient(http + "/customers/c-it-1/notifications", id)) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        SseClient.Event event = resumed.next(Duration.ofSeconds(10));
        assertThat(event).as("missed event %d", i).isNotNull();
        ids.add(notificationId(event));
      }
      sendOrder("o-it-5", "c-it-1");
      SseClient.Event live = resumed.next(Duration.ofSeconds(10));
      assertThat(live).isNotNull();
      ids.add(notificationId(live));
      assertThat(resumed.next(Duration.ofSeconds(2))).isNull();
      assertThat(ids)
          .containsExactly(
              "order-confirmed:o-it-2",
              "order-confirmed:o-it-3",
              "order-rejected:food-orders-0-77",
              "order-confirmed:o-it-5");
    }

    // Capacity 1 (1 cook, 5 minutes, 10-minute prep): its second order (o-it-3) overloaded r-002.
    HttpResponse<String> kitchen = get("/restaurants/r-002/notifications?since=" + since);
    assertThat(kitchen.statusCode()).isEqualTo(200);
    JsonNode overloaded = Json.mapper().readTree(kitchen.body()).get(0);
    assertThat(overloaded.get("notificationId").asText())
        .isEqualTo("kitchen-overloaded:r-002:o-it-3");
    assertThat(overloaded.get("type").asText())
        .isEqualTo(NotificationType.KITCHEN_OVERLOADED.name());
    assertThat(overloaded.get("capacity").asLong()).isEqualTo(1);
  }

  @Test
  void everyNotificationOfARunOfOrdersArrivesWithin2s() throws Exception {
    List<Long> latencies = new ArrayList<>();
    try (SseClient stream = new SseClient(http + "/customers/c-latency/notifications", null)) {
      for (int i = 0; i < 10; i++) {
        long sent = System.nanoTime();
        sendOrder("o-latency-" + i, "c-latency");
        SseClient.Event event = stream.next(Duration.ofSeconds(10));
        assertThat(event).isNotNull();
        assertThat(notificationId(event)).isEqualTo("order-confirmed:o-latency-" + i);
        latencies.add(Duration.ofNanos(event.arrivedNanos() - sent).toMillis());
      }
    }
    List<Long> sorted = latencies.stream().sorted().toList();
    log.info(
        "Order produced to event received, 10 orders one after another: median {} ms, max {} ms ({})",
        sorted.get(sorted.size() / 2),
        sorted.get(sorted.size() - 1),
        latencies);
    assertThat(sorted.get(sorted.size() - 1)).isLessThan(2000);
  }

  @Test
  void anUnknownRestaurantIs404AndAKnownOneStreams() throws Exception {
    HttpResponse<String> unknown = get("/restaurants/r-999/notifications");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(Json.mapper().readTree(unknown.body()).get("error").asText())
        .isEqualTo("restaurant r-999 is not in the catalogue");
    try (SseClient stream = new SseClient(http + "/restaurants/r-001/notifications", null)) {
      assertThat(stream.status).isEqualTo(200);
    }
  }

  @Test
  void moreStreamsThanTheCapAre503() throws Exception {
    awaitNoSubscribers();
    try (SseClient a = new SseClient(http + "/customers/c-cap-1/notifications", null);
        SseClient b = new SseClient(http + "/customers/c-cap-2/notifications", null);
        SseClient c = new SseClient(http + "/customers/c-cap-3/notifications", null)) {
      assertThat(List.of(a.status, b.status, c.status)).containsOnly(200);
      HttpResponse<String> refused = get("/customers/c-cap-4/notifications");
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.body()).contains("too many event streams open (3)");
    }
    awaitNoSubscribers();
  }

  /**
   * The server learns that a client went away only when its next write fails (a heartbeat at the
   * latest), so a stream an earlier test closed may still count for a moment.
   */
  private void awaitNoSubscribers() {
    await().atMost(Duration.ofSeconds(10)).until(() -> subscribers() == 0);
  }

  private int subscribers() throws Exception {
    return Json.mapper().readTree(get("/status").body()).get("feed").get("subscribers").asInt();
  }

  @Test
  void aClientThatReadsNothingIsCutOffAtItsQueueAndNotTheOthers() throws Exception {
    awaitNoSubscribers();
    try (Socket slow = new Socket()) {
      slow.setReceiveBufferSize(4096);
      slow.connect(new java.net.InetSocketAddress("127.0.0.1", main.boundHttpPort), 5000);
      OutputStream request = slow.getOutputStream();
      request.write(
          ("GET /customers/c-slow/notifications HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      request.flush();
      await().atMost(Duration.ofSeconds(10)).until(() -> subscribers() >= 1);
      Notification template =
          new Notification(
              "n",
              NotificationType.ORDER_REJECTED,
              "c-slow",
              null,
              null,
              "x".repeat(2000),
              null,
              null,
              "EMPTY_ORDER",
              null,
              null,
              Instant.now(),
              Instant.now());
      try (KafkaProducer<String, Notification> producer =
          new KafkaProducer<>(
              Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
              Topics.ORDER_NOTIFICATIONS.keySerde().serializer(),
              Topics.ORDER_NOTIFICATIONS.valueSerde().serializer())) {
        int sent = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (cutOff() == 0 && System.nanoTime() < deadline) {
          for (int i = 0; i < 500; i++) {
            producer.send(
                new ProducerRecord<>(
                    Topics.ORDER_NOTIFICATIONS.name(),
                    "c-slow",
                    new Notification(
                        "slow-" + sent++,
                        template.type(),
                        "c-slow",
                        null,
                        null,
                        template.message(),
                        null,
                        null,
                        template.reasonCode(),
                        null,
                        null,
                        template.eventAt(),
                        template.notifiedAt())));
          }
          producer.flush();
          Thread.sleep(200);
        }
        log.info("The client that reads nothing was cut off after {} notifications", sent);
      }
      assertThat(cutOff()).isEqualTo(1);
      // Its connection ends: what the buffers hold, then end of stream.
      slow.setSoTimeout(30_000);
      InputStream in = slow.getInputStream();
      byte[] buffer = new byte[65536];
      while (in.read(buffer) >= 0) {
        // drain
      }
    }
    assertThat(get("/ready").statusCode()).isEqualTo(200);
  }

  private long cutOff() throws Exception {
    return Json.mapper()
        .readTree(get("/status").body())
        .get("feed")
        .get("cutOffSlowSubscribers")
        .asLong();
  }
}
