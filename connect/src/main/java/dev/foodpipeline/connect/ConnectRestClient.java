package dev.foodpipeline.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The few calls of Kafka Connect's REST API the registrar needs, with errors turned into plain
 * sentences.
 */
public class ConnectRestClient {

  /**
   * HTTP 409: the worker is rebalancing or forwarding; the same request succeeds a moment later.
   */
  static final int CONFLICT = 409;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final URI baseUrl;
  private final HttpClient http;

  public ConnectRestClient(URI baseUrl) {
    String text = baseUrl.toString();
    this.baseUrl = URI.create(text.endsWith("/") ? text : text + "/");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  public URI baseUrl() {
    return baseUrl;
  }

  /** The connector's stored config, or empty if Connect does not know the connector. */
  public Optional<Map<String, String>> config(String connector) {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(connectorUri(connector, "config")).GET());
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    requireSuccess(response, "reading the config of " + connector);
    return Optional.of(
        parse(response.body(), new TypeReference<LinkedHashMap<String, String>>() {}));
  }

  /**
   * Creates or replaces the connector's config.
   *
   * @return true if Connect created the connector, false if it updated an existing one
   */
  public boolean putConfig(ConnectorConfig connector) {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(connectorUri(connector.name(), "config"))
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        connector.configJson(), StandardCharsets.UTF_8)));
    requireSuccess(response, "registering " + connector.name());
    return response.statusCode() == 201;
  }

  /** The connector's status, or empty if Connect has no status for it yet. */
  public Optional<ConnectorStatus> status(String connector) {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(connectorUri(connector, "status")).GET());
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    requireSuccess(response, "reading the status of " + connector);
    JsonNode root = parse(response.body(), new TypeReference<JsonNode>() {});
    List<ConnectorStatus.TaskState> tasks = new ArrayList<>();
    for (JsonNode task : root.path("tasks")) {
      tasks.add(
          new ConnectorStatus.TaskState(
              task.path("id").asInt(),
              task.path("state").asText(),
              task.hasNonNull("trace") ? task.get("trace").asText() : null));
    }
    JsonNode connectorNode = root.path("connector");
    return Optional.of(
        new ConnectorStatus(
            connector,
            connectorNode.path("state").asText(),
            connectorNode.hasNonNull("trace") ? connectorNode.get("trace").asText() : null,
            tasks));
  }

  private URI connectorUri(String connector, String leaf) {
    return baseUrl.resolve("connectors/" + encode(connector) + "/" + leaf);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistrarException("Interrupted while talking to Kafka Connect at " + baseUrl, e);
    } catch (IOException e) {
      throw new RegistrarException(
          "Couldn't reach Kafka Connect at " + baseUrl + ": " + reason(e), e);
    }
  }

  private static String reason(IOException e) {
    if (e instanceof HttpConnectTimeoutException) {
      return "connection timed out";
    }
    if (e instanceof HttpTimeoutException) {
      return "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s";
    }
    if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
      return "connection refused";
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private void requireSuccess(HttpResponse<String> response, String action) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    throw new ConnectRequestException(
        status,
        "Kafka Connect at "
            + baseUrl
            + " refused "
            + action
            + " (HTTP "
            + status
            + "): "
            + errorMessage(response.body()));
  }

  /** Connect's own error text ({@code {"error_code":..,"message":..}}), or the body as it came. */
  static String errorMessage(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node != null && node.hasNonNull("message")) {
        return node.get("message").asText();
      }
    } catch (JsonProcessingException e) {
      // not JSON: fall through to the raw body
    }
    String trimmed = body == null ? "" : body.strip();
    return trimmed.isEmpty() ? "(empty body)" : trimmed;
  }

  private <T> T parse(String body, TypeReference<T> type) {
    try {
      return JSON.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new RegistrarException(
          "Kafka Connect at "
              + baseUrl
              + " answered something that is not the "
              + "expected JSON: "
              + e.getOriginalMessage());
    }
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A request Connect answered with an error status. */
  public static final class ConnectRequestException extends RegistrarException {

    private static final long serialVersionUID = 1L;
    private final int status;

    ConnectRequestException(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }

    /**
     * True when Connect refused only because its group is (about to be) rebalancing: 409 "rebalance
     * in progress", or 500 "a rebalance is expected" right after a worker starts. Worth asking
     * again.
     */
    public boolean isRebalancing() {
      return status == CONFLICT
          || (status == 500
              && getMessage().toLowerCase(java.util.Locale.ROOT).contains("rebalance"));
    }
  }
}
