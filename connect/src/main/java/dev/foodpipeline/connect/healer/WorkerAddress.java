package dev.foodpipeline.connect.healer;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where this worker's REST API answers and which worker id it has, from the worker config alone: a
 * distributed worker's id is its advertised {@code host:port} ({@code rest.advertised.host.name}
 * and {@code rest.advertised.port}, else the first listener's). The REST extension is configured
 * before the server binds, so a listener port of 0 leaves both unknown.
 *
 * @param restUrl the first listener, a wildcard host replaced by the loopback, e.g. {@code
 *     http://127.0.0.1:8083/}
 * @param workerId the advertised {@code host:port}, empty when the listener port is 0
 */
public record WorkerAddress(URI restUrl, Optional<String> workerId) {

  /** Kafka's listener form, {@code PROTOCOL://[HOST]:PORT}; an empty host is every interface. */
  private static final Pattern LISTENER = Pattern.compile("([A-Za-z]+)://([^:/]*):(\\d+)/?");

  static WorkerAddress from(Map<String, ?> workerConfig) {
    String listeners = string(workerConfig, "listeners").orElse("http://:8083");
    Matcher listener = LISTENER.matcher(listeners.split(",")[0].trim());
    if (!listener.matches() || !"http".equalsIgnoreCase(listener.group(1))) {
      throw new IllegalArgumentException(
          "The task healer needs an http listener first in 'listeners', got: " + listeners);
    }
    String host = listener.group(2);
    int port = Integer.parseInt(listener.group(3));
    String localHost = host.isEmpty() || "0.0.0.0".equals(host) ? "127.0.0.1" : host;
    URI restUrl = URI.create("http://" + localHost + ":" + port + "/");

    String advertisedHost = string(workerConfig, "rest.advertised.host.name").orElse(host);
    int advertisedPort =
        string(workerConfig, "rest.advertised.port").map(Integer::parseInt).orElse(port);
    Optional<String> workerId =
        port == 0 || advertisedPort == 0 || advertisedHost.isEmpty()
            ? Optional.empty()
            : Optional.of(advertisedHost + ":" + advertisedPort);
    return new WorkerAddress(restUrl, workerId);
  }

  private static Optional<String> string(Map<String, ?> config, String key) {
    Object value = config.get(key);
    return value == null || value.toString().isBlank()
        ? Optional.empty()
        : Optional.of(value.toString().trim());
  }
}
