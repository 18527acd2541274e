package dev.foodpipeline.infra;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses a Kafka {@code listeners} value such as {@code
 * PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093}.
 */
final class Listeners {

  /** One listener: its name, host and port. */
  record Endpoint(String name, String host, int port) {
    String hostPort() {
      return host + ":" + port;
    }
  }

  private Listeners() {}

  /** The listeners by name, in the order given. */
  static Map<String, Endpoint> parse(String listeners) {
    Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    for (String listener : listeners.split(",")) {
      String trimmed = listener.trim();
      if (!trimmed.isEmpty()) {
        Endpoint endpoint = parseOne(trimmed);
        endpoints.put(endpoint.name(), endpoint);
      }
    }
    return endpoints;
  }

  private static Endpoint parseOne(String listener) {
    int separator = listener.indexOf("://");
    int colon = listener.lastIndexOf(':');
    if (separator <= 0 || colon <= separator + 2) {
      throw new IllegalArgumentException("Listener '" + listener + "' is not NAME://host:port");
    }
    try {
      return new Endpoint(
          listener.substring(0, separator),
          listener.substring(separator + 3, colon),
          Integer.parseInt(listener.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Listener '" + listener + "' has no numeric port", e);
    }
  }
}
