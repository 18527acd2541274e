package dev.foodpipeline.dashboard.collect;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /connectors?expand=status&expand=info} of the Connect worker's REST API: every
 * connector's state, topics and tasks.
 */
public final class ConnectCollector {
  private final HttpClient http;
  private final URI url;
  private final Duration timeout;

  public ConnectCollector(HttpClient http, URI url, Duration timeout) {
    this.http = http;
    this.url = url;
    this.timeout = timeout;
  }

  public ConnectView collect() throws IOException, InterruptedException {
    JsonNode all = Json.get(http, url.resolve("/connectors?expand=status&expand=info"), timeout);
    List<ConnectView.Connector> connectors = new ArrayList<>();
    all.fields()
        .forEachRemaining(
            entry -> {
              JsonNode status = entry.getValue().path("status");
              String topics =
                  entry.getValue().path("info").path("config").path("topics").asText("");
              List<ConnectView.Task> tasks = new ArrayList<>();
              for (JsonNode task : status.path("tasks")) {
                tasks.add(
                    new ConnectView.Task(
                        task.path("id").asInt(),
                        task.path("state").asText(),
                        task.path("worker_id").asText(null),
                        firstLine(task.path("trace").asText(null))));
              }
              connectors.add(
                  new ConnectView.Connector(
                      entry.getKey(),
                      status.path("connector").path("state").asText("UNKNOWN"),
                      topics.isBlank() ? List.of() : List.of(topics.split("\\s*,\\s*")),
                      tasks));
            });
    connectors.sort(java.util.Comparator.comparing(ConnectView.Connector::name));
    return new ConnectView(connectors);
  }

  /** The first line of a stack trace: the exception and its message. */
  static String firstLine(String trace) {
    return trace == null || trace.isBlank() ? null : trace.lines().findFirst().orElse(null);
  }
}
