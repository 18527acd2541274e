package dev.foodpipeline.streams.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.streams.CurrentApp;
import dev.foodpipeline.streams.StreamsApp;
import dev.foodpipeline.streams.StreamsSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The endpoints as functions, without a socket or a broker. */
class EndpointsTest {
  @TempDir Path stateDir;
  private final CurrentApp current = new CurrentApp();
  private final StreamsSettings settings =
      StreamsSettings.builder()
          .flag("--instance-id", "a")
          .flag("--http-port", 7123)
          .build(Map.of());
  private final Endpoints endpoints =
      new Endpoints(
          settings, current, java.time.Duration.ofMinutes(1), java.time.Duration.ofHours(1));

  private Response get(String path) {
    return endpoints.handle("GET", path, Map.of());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> body(Response response) {
    return (Map<String, Object>) response.body();
  }

  @Test
  void whileWaitingForKafkaTheInstanceIsLiveButNotReadyAndHasNoAssignment() {
    current.waiting("Kafka at 127.0.0.1:9092");

    Response health = get("/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(body(health))
        .containsEntry("instanceId", "a")
        .containsEntry("status", "UP")
        .containsEntry("state", "WAITING")
        .containsEntry("waitingFor", "Kafka at 127.0.0.1:9092");
    Response ready = get("/ready");
    assertThat(ready.status()).isEqualTo(503);
    assertThat(body(ready))
        .containsEntry("ready", false)
        .containsEntry("reason", "waiting for Kafka at 127.0.0.1:9092");
    Response assignment = get("/assignment");
    assertThat(assignment.status()).isEqualTo(503);
    assertThat(assignment.headers()).containsEntry("Retry-After", "1");
  }

  @Test
  void aStoppingInstanceIsNeitherLiveNorReady() {
    current.stop();

    assertThat(get("/health").status()).isEqualTo(503);
    assertThat(body(get("/health")))
        .containsEntry("status", "DOWN")
        .containsEntry("reason", "stopping on request");
    assertThat(get("/ready").status()).isEqualTo(503);
  }

  @Test
  void anAppNotStartedYetIsLiveButNotReady() {
    try (StreamsApp app =
        new StreamsApp(
            StreamsSettings.builder()
                .flag("--instance-id", "a")
                .flag("--state-dir", stateDir)
                .build())) {
      current.running(app);

      assertThat(get("/health").status()).isEqualTo(200);
      assertThat(body(get("/health"))).containsEntry("state", "CREATED");
      Response ready = get("/ready");
      assertThat(ready.status()).isEqualTo(503);
      assertThat(body(ready))
          .containsEntry("reason", "state is CREATED, not RUNNING")
          .containsEntry("restoring", List.of());
      assertThat(get("/assignment").status()).isEqualTo(503);
      app.close();
      assertThat(get("/health").status()).as("NOT_RUNNING after close").isEqualTo(503);
      assertThat(body(get("/health")))
          .containsEntry("status", "DOWN")
          .containsEntry("state", "NOT_RUNNING");
    }
  }

  @Test
  void indexListsTheEndpointsAndTheAdvertisedServer() {
    Response index = get("/");

    assertThat(index.status()).isEqualTo(200);
    assertThat(body(index)).containsEntry("server", "127.0.0.1:7123");
    assertThat((List<String>) body(index).get("endpoints"))
        .anySatisfy(line -> assertThat(line).startsWith("GET /assignment"));
  }

  @Test
  void unknownPathsAre404AndOtherMethods405() {
    assertThat(get("/nothing").status()).isEqualTo(404);
    assertThat(body(get("/nothing"))).containsEntry("error", "no endpoint /nothing; see GET /");
    Response post = endpoints.handle("POST", "/health", Map.of());
    assertThat(post.status()).isEqualTo(405);
    assertThat(post.headers()).containsEntry("Allow", "GET, HEAD");
  }

  @Test
  void restaurantStatsNeedAValidIdAndARunningApp() {
    assertThat(get("/restaurants/r 1/stats").status()).isEqualTo(400);
    assertThat(body(get("/restaurants/" + "x".repeat(65) + "/stats"))).containsKey("error");
    current.waiting("Kafka");
    Response waiting = get("/restaurants/r-001/stats");
    assertThat(waiting.status()).isEqualTo(503);
    assertThat(waiting.headers()).containsEntry("Retry-After", "1");
    try (StreamsApp app =
        new StreamsApp(
            StreamsSettings.builder()
                .flag("--instance-id", "a")
                .flag("--state-dir", stateDir)
                .build())) {
      current.running(app);
      assertThat(body(get("/restaurants/r-001/stats/")))
          .containsEntry("error", "the Kafka Streams client is CREATED");
    }
  }

  @Test
  void partitionsSortByTopicThenPartitionNumber() {
    assertThat(
            List.of("food-orders-10", "food-orders-2", "a-topic-1", "odd").stream()
                .sorted(AssignmentView::byTopicThenPartition)
                .toList())
        .containsExactly("a-topic-1", "food-orders-2", "food-orders-10", "odd");
  }
}
