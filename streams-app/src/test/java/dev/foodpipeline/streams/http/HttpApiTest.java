package dev.foodpipeline.streams.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.foodpipeline.model.json.Json;
import dev.foodpipeline.streams.CurrentApp;
import dev.foodpipeline.streams.SettingsException;
import dev.foodpipeline.streams.StreamsSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HTTP server on a real socket. */
class HttpApiTest {
  private final HttpClient client = HttpClient.newHttpClient();
  private final CurrentApp current = new CurrentApp();

  @Test
  void servesJsonOnAnyFreePortAndAdvertisesTheBoundPort() throws Exception {
    current.waiting("Kafka at 127.0.0.1:9");
    try (HttpApi api =
        HttpApi.start(
            StreamsSettings.builder()
                .flag("--instance-id", "a")
                .flag("--http-port", 0)
                .build(Map.of()),
            current)) {
      assertThat(api.port()).isPositive();
      assertThat(api.url()).isEqualTo("http://127.0.0.1:" + api.port());
      assertThat(api.settings().applicationServer()).hasValue("127.0.0.1:" + api.port());

      HttpResponse<String> health =
          client.send(
              HttpRequest.newBuilder(URI.create(api.url() + "/health")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.headers().firstValue("Content-Type"))
          .hasValue("application/json; charset=utf-8");
      JsonNode body = Json.mapper().readTree(health.body());
      assertThat(body.get("waitingFor").asText()).isEqualTo("Kafka at 127.0.0.1:9");

      HttpResponse<String> head =
          client.send(
              HttpRequest.newBuilder(URI.create(api.url() + "/ready"))
                  .method("HEAD", HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(head.statusCode()).isEqualTo(503);
      assertThat(head.body()).isEmpty();
    }
  }

  @Test
  void aTakenPortIsABadSettingNamingIt() {
    try (HttpApi first =
        HttpApi.start(
            StreamsSettings.builder()
                .flag("--instance-id", "a")
                .flag("--http-port", 0)
                .build(Map.of()),
            current)) {
      StreamsSettings same =
          StreamsSettings.builder()
              .flag("--instance-id", "b")
              .flag("--http-port", first.port())
              .build(Map.of());

      assertThatThrownBy(() -> HttpApi.start(same, current))
          .isInstanceOf(SettingsException.class)
          .hasMessageStartingWith(
              "--http-port " + first.port() + " cannot be bound on 127.0.0.1: ");
    }
  }

  @Test
  void queryParametersAreDecoded() {
    assertThat(HttpApi.query("local=true&name=a%20b&flag"))
        .containsExactly(
            Map.entry("local", "true"), Map.entry("name", "a b"), Map.entry("flag", ""));
    assertThat(HttpApi.query(null)).isEmpty();
  }
}
