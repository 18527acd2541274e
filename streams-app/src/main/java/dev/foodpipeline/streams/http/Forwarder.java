package dev.foodpipeline.streams.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Asks another instance: a plain HTTP GET with short timeouts, whose status and body are relayed as
 * they are; when the other instance does not answer, a 502 saying which and why.
 */
final class Forwarder {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(CONNECT_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /** GET {@code http://<server><pathAndQuery>}. */
  Response get(String server, String pathAndQuery) {
    URI uri = URI.create("http://" + server + pathAndQuery);
    try {
      HttpResponse<byte[]> response =
          client.send(
              HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      Response relayed = new Response(response.statusCode(), response.body(), Map.of());
      String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
      return retryAfter == null ? relayed : relayed.withHeader("Retry-After", retryAfter);
    } catch (IOException e) {
      return Response.error(
          502,
          "the instance at "
              + server
              + " did not answer: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Response.error(503, "interrupted while asking " + server);
    }
  }
}
