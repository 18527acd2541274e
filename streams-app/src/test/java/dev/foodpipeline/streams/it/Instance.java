package dev.foodpipeline.streams.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.foodpipeline.infra.KafkaBroker;
import dev.foodpipeline.model.json.Json;
import dev.foodpipeline.streams.CurrentApp;
import dev.foodpipeline.streams.StreamsApp;
import dev.foodpipeline.streams.StreamsOptions;
import dev.foodpipeline.streams.StreamsSettings;
import dev.foodpipeline.streams.http.HttpApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * One app instance in this JVM as Main runs it: the HTTP endpoints (on a free port) and the Streams
 * app.
 */
final class Instance implements AutoCloseable {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final CurrentApp current = new CurrentApp();
  final HttpApi http;
  final StreamsApp app;

  /** Binds a free HTTP port, makes the app advertise it, and starts the app. */
  Instance(StreamsSettings settings) {
    http = HttpApi.start(settings, current);
    app = new StreamsApp(http.settings());
    current.running(app);
    app.start();
  }

  String server() {
    return http.settings().applicationServer().orElseThrow();
  }

  /** GET on this instance: status and JSON body. */
  Reply get(String path) {
    return get(http.url(), path);
  }

  static Reply get(String baseUrl, String path) {
    try {
      HttpResponse<String> response =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(baseUrl + path))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), Json.mapper().readTree(response.body()), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Reply(int status, JsonNode json, HttpResponse<String> response) {}

  /** The partitions of food-orders. */
  static final Set<String> ORDER_PARTITIONS =
      Set.of("food-orders-0", "food-orders-1", "food-orders-2");

  /** Settings of an instance on {@code broker}: its id, its state folder, HTTP on a free port. */
  static StreamsOptions.Builder settings(KafkaBroker broker, String instanceId, Path stateDir) {
    return StreamsSettings.builder()
        .flag("--bootstrap-servers", broker.bootstrapServers())
        .flag("--instance-id", instanceId)
        .flag("--state-dir", stateDir)
        .flag("--http-port", 0);
  }

  /**
   * The food-orders partitions an {@code /assignment} view's partition map gives to {@code server}.
   */
  static Set<String> ownedOrderPartitions(JsonNode view, String server) {
    Set<String> owned = new TreeSet<>();
    view.get("partitions")
        .fields()
        .forEachRemaining(
            entry -> {
              if (entry.getKey().matches("food-orders-\\d+")
                  && server.equals(entry.getValue().path("active").asText())) {
                owned.add(entry.getKey());
              }
            });
    return owned;
  }

  @Override
  public void close() {
    try {
      app.close();
    } finally {
      http.close();
    }
  }
}
