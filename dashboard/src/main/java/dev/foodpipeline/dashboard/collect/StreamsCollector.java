package dev.foodpipeline.dashboard.collect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.foodpipeline.shell.Errors;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Asks the configured streams-app instances for {@code GET /assignment} until one answers; its
 * Streams metadata names every instance of the application, each of which is then asked for its own
 * threads. An instance started later shows up at the next poll without being configured.
 */
public final class StreamsCollector {
  private final HttpClient http;
  private final List<URI> seeds;
  private final Duration timeout;

  public StreamsCollector(HttpClient http, List<URI> seeds, Duration timeout) {
    this.http = http;
    this.seeds = List.copyOf(seeds);
    this.timeout = timeout;
  }

  public StreamsView collect() throws IOException, InterruptedException {
    JsonNode first = null;
    IOException failure = null;
    for (URI seed : seeds) {
      try {
        first = Json.get(http, seed.resolve("/assignment"), timeout);
        break;
      } catch (IOException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (first == null) {
      throw new IOException(
          "no streams-app instance answered at " + seeds + ": " + Errors.oneLineOf(failure));
    }
    Set<String> servers = new LinkedHashSet<>();
    first.path("instances").forEach(instance -> servers.add(instance.path("server").asText()));
    Map<String, String> partitions = new LinkedHashMap<>();
    first
        .path("partitions")
        .fields()
        .forEachRemaining(
            entry -> partitions.put(entry.getKey(), entry.getValue().path("active").asText(null)));
    List<StreamsView.Instance> instances = new ArrayList<>();
    String firstServer = first.path("server").asText();
    servers.add(firstServer);
    for (String server : servers) {
      if (server.equals(firstServer)) {
        instances.add(instance(first, server, null));
        continue;
      }
      try {
        instances.add(
            instance(
                Json.get(http, URI.create("http://" + server + "/assignment"), timeout),
                server,
                null));
      } catch (IOException e) {
        instances.add(
            new StreamsView.Instance(server, null, "UNREACHABLE", List.of(), Errors.oneLineOf(e)));
      }
    }
    instances.sort(java.util.Comparator.comparing(StreamsView.Instance::server));
    return new StreamsView(first.path("applicationId").asText(), instances, partitions);
  }

  private static StreamsView.Instance instance(JsonNode assignment, String server, String error) {
    List<StreamsView.Thread> threads = new ArrayList<>();
    for (JsonNode thread : assignment.path("threads")) {
      threads.add(
          new StreamsView.Thread(
              thread.path("threadName").asText(),
              partitions(thread.path("activeTasks")),
              partitions(thread.path("standbyTasks"))));
    }
    return new StreamsView.Instance(
        server,
        assignment.path("instanceId").asText(null),
        assignment.path("state").asText(null),
        threads,
        error);
  }

  private static List<String> partitions(JsonNode tasks) {
    List<String> partitions = new ArrayList<>();
    tasks.forEach(task -> partitions.addAll(Json.strings(task.path("partitions"))));
    partitions.sort(null);
    return partitions;
  }
}
