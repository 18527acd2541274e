package dev.foodpipeline.notify.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.foodpipeline.model.Notification;
import dev.foodpipeline.model.NotificationType;
import dev.foodpipeline.model.json.Json;
import dev.foodpipeline.notify.CurrentService;
import dev.foodpipeline.notify.NotifySettings;
import dev.foodpipeline.notify.delivery.Delivery;
import dev.foodpipeline.notify.delivery.NotificationFeed;
import dev.foodpipeline.notify.topology.Counters;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The endpoints' answers that need no Kafka: bad ids, bad requests, probes before the start. */
class NotifyHttpTest {
  @TempDir Path stateDir;

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final CurrentService current = new CurrentService();
  private NotificationFeed feed;
  private NotifyHttp http;

  @BeforeEach
  void start() {
    NotifySettings settings =
        NotifySettings.builder()
            .flag("--http-port", 0)
            .flag("--state-dir", stateDir)
            .flag("--bootstrap-servers", "127.0.0.1:1")
            .build();
    feed = new NotificationFeed(settings.clientProperties());
    http = NotifyHttp.start(settings, current, feed, new Counters());
  }

  @AfterEach
  void stop() {
    http.close();
    feed.close();
  }

  private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
            .timeout(Duration.ofSeconds(10));
    headers.forEach(request::header);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return get(path, Map.of());
  }

  private static String error(HttpResponse<String> response) throws Exception {
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    return Json.mapper().readTree(response.body()).get("error").asText();
  }

  @Test
  void aMalformedCustomerIdIs400NamingTheRule() throws Exception {
    HttpResponse<String> empty = get("/customers//notifications");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(error(empty)).isEqualTo("customer id is empty");

    HttpResponse<String> tooLong = get("/customers/" + "c".repeat(65) + "/notifications");
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(error(tooLong))
        .isEqualTo("customer id is 65 characters long, more than the limit of 64");

    HttpResponse<String> badCharacter = get("/customers/c%20*1/notifications?since=x");
    assertThat(badCharacter.statusCode()).isEqualTo(400);
    assertThat(error(badCharacter))
        .isEqualTo(
            "customer id \"c *1\" holds a character outside A-Z a-z 0-9 - _ . : (ids are 1 to 64"
                + " of those)");

    HttpResponse<String> badRestaurant = get("/restaurants/r$1/notifications");
    assertThat(badRestaurant.statusCode()).isEqualTo(400);
    assertThat(error(badRestaurant)).startsWith("restaurant id \"r$1\" holds a character outside");
  }

  @Test
  void aSinceThatIsNoInstantIs400() throws Exception {
    HttpResponse<String> response = get("/customers/c-1/notifications?since=yesterday");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(error(response))
        .isEqualTo(
            "since must be an ISO-8601 instant such as 2026-12-05T09:00:00Z, got 'yesterday'");
  }

  @Test
  void aLastEventIdThatIsNoPositionOfTheStreamIs400() throws Exception {
    int partition = feed.partitionOf("c-1");
    HttpResponse<String> garbage =
        get("/customers/c-1/notifications", Map.of("Last-Event-ID", "hello"));
    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(error(garbage))
        .isEqualTo(
            "Last-Event-ID must be <partition>-<offset> of an event of this stream (partition "
                + partition
                + "), got 'hello'");
    HttpResponse<String> otherPartition =
        get("/customers/c-1/notifications", Map.of("Last-Event-ID", ((partition + 1) % 3) + "-5"));
    assertThat(otherPartition.statusCode()).isEqualTo(400);
  }

  @Test
  void beforeTheStartStreamsAndRestaurantsAre503AndTheProbesSaySo() throws Exception {
    HttpResponse<String> stream = get("/customers/c-1/notifications");
    assertThat(stream.statusCode()).isEqualTo(503);
    assertThat(stream.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(error(stream)).isEqualTo("the notification feed has not caught up yet");

    HttpResponse<String> restaurant = get("/restaurants/r-001/notifications");
    assertThat(restaurant.statusCode()).isEqualTo(503);
    assertThat(error(restaurant)).isEqualTo("the restaurant catalogue is not loaded yet");

    HttpResponse<String> ready = get("/ready");
    assertThat(ready.statusCode()).isEqualTo(503);
    JsonNode readyBody = Json.mapper().readTree(ready.body());
    assertThat(readyBody.get("ready").asBoolean()).isFalse();
    assertThat(readyBody.get("state").asText()).isEqualTo("WAITING for the first start");

    HttpResponse<String> health = get("/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(Json.mapper().readTree(health.body()).get("status").asText()).isEqualTo("UP");

    current.stop();
    assertThat(get("/health").statusCode()).isEqualTo(503);
  }

  @Test
  void otherPathsAndMethodsAreRefusedAndTheIndexAndStatusAnswer() throws Exception {
    HttpResponse<String> unknown = get("/orders");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(error(unknown)).isEqualTo("no such endpoint: /orders (GET / lists them)");

    HttpResponse<String> post =
        client.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + http.port() + "/customers/c-1/notifications"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);

    HttpResponse<String> index = get("/");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body()).contains("GET /customers/{customerId}/notifications");

    HttpResponse<String> status = get("/status");
    assertThat(status.statusCode()).isEqualTo(200);
    JsonNode body = Json.mapper().readTree(status.body());
    assertThat(body.get("counters").get("rejectionsWithoutCustomer").asLong()).isZero();
    assertThat(body.get("feed").get("caughtUp").asBoolean()).isFalse();
    assertThat(body.get("applicationId").asText()).isEqualTo("notification-service");
  }

  @Test
  void anEventIsIdTypeAndTheNotificationAsOneLineOfJson() throws Exception {
    Notification notification =
        new Notification(
            "order-confirmed:o-1",
            NotificationType.ORDER_CONFIRMED,
            "c-1",
            "r-001",
            "o-1",
            "line one\nline two",
            new BigDecimal("12.50"),
            Instant.parse("2026-12-05T12:15:00Z"),
            null,
            null,
            null,
            Instant.parse("2026-12-05T12:00:00Z"),
            Instant.parse("2026-12-05T12:00:01Z"));
    String event = EventStream.event(new Delivery(2, 41, notification));

    String[] lines = event.split("\n", -1);
    assertThat(lines).hasSize(5);
    assertThat(lines[0]).isEqualTo("id: 2-41");
    assertThat(lines[1]).isEqualTo("event: ORDER_CONFIRMED");
    assertThat(lines[2]).startsWith("data: {");
    assertThat(lines[3]).isEmpty();
    assertThat(lines[4]).isEmpty();
    JsonNode data = Json.mapper().readTree(lines[2].substring("data: ".length()));
    assertThat(data.get("notificationId").asText()).isEqualTo("order-confirmed:o-1");
    assertThat(data.get("total").decimalValue()).isEqualByComparingTo("12.50");
    assertThat(data.get("eventAt").asText()).isEqualTo("2026-12-05T12:00:00Z");
    assertThat(data.get("message").asText()).isEqualTo("line one\nline two");
  }

  @Test
  void theQueryIsDecodedAndAPortInUseIsASettingsError() {
    assertThat(NotifyHttp.query("since=2026-12-05T09%3A00%3A00Z&x"))
        .containsEntry("since", "2026-12-05T09:00:00Z")
        .containsEntry("x", "");
    assertThat(NotifyHttp.query(null)).isEmpty();
    NotifySettings taken =
        NotifySettings.builder()
            .flag("--http-port", http.port())
            .flag("--state-dir", stateDir)
            .build();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> NotifyHttp.start(taken, current, feed, new Counters()))
        .isInstanceOf(dev.foodpipeline.notify.SettingsException.class)
        .hasMessageStartingWith("--http-port " + http.port() + " cannot be bound on 127.0.0.1: ");
  }
}
