package dev.foodpipeline.connect.healer;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Restarts a task through the worker's own REST API, {@code POST /connectors/NAME/tasks/ID/restart}
 * on its listener, as an operator would: the call is forwarded to the leader like any other, and
 * the restart is logged and recorded in the status topic. (A REST extension sees the cluster only
 * through {@code ConnectClusterState}, which can read states but not restart anything.)
 */
public final class RestTaskRestarter implements TaskRestarter {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI baseUrl;
  private final HttpClient http;

  /** {@code baseUrl}: the worker's REST address, for example {@code http://127.0.0.1:8083/}. */
  public RestTaskRestarter(URI baseUrl) {
    this.baseUrl = baseUrl;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @Override
  public void restart(String connector, int task) throws IOException, InterruptedException {
    URI uri =
        baseUrl.resolve(
            "connectors/"
                + URLEncoder.encode(connector, StandardCharsets.UTF_8).replace("+", "%20")
                + "/tasks/"
                + task
                + "/restart");
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(
          "POST " + uri + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  @Override
  public String toString() {
    return "REST API at " + baseUrl;
  }
}
