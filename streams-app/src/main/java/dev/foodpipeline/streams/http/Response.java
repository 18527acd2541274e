package dev.foodpipeline.streams.http;

import java.util.HashMap;
import java.util.Map;

/**
 * What an endpoint answers: a status, a body (written as JSON; a {@code byte[]} is sent as it is,
 * already JSON) and extra headers.
 */
public record Response(int status, Object body, Map<String, String> headers) {
  public Response {
    headers = Map.copyOf(headers);
  }

  static Response ok(Object body) {
    return new Response(200, body, Map.of());
  }

  static Response of(int status, Object body) {
    return new Response(status, body, Map.of());
  }

  /** {"error": message}. */
  static Response error(int status, String message) {
    return new Response(status, Map.of("error", message), Map.of());
  }

  /**
   * 503 with {@code Retry-After: 1}: the answer exists but not right now (a rebalance, a restore).
   */
  static Response unavailable(String message) {
    return new Response(503, Map.of("error", message), Map.of("Retry-After", "1"));
  }

  Response withHeader(String name, String value) {
    Map<String, String> more = new HashMap<>(headers);
    more.put(name, value);
    return new Response(status, body, more);
  }
}
