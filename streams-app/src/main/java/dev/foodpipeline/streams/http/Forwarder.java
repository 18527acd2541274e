package dev.foodpipeline.streams.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks another instance: a plain HTTP GET whose status and body are relayed as they are, within a
 * deadline for the whole exchange (connect, headers and body: a slow owner holds a work thread at
 * most {@link #DEADLINE}) and with a body of at most {@link #MAX_BODY_BYTES}; when the other
 * instance does not answer in time, or answers too much, a 502 saying which and why.
 */
final class Forwarder {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
  static final Duration DEADLINE = Duration.ofSeconds(3);

  /** A restaurant's stats for the one-hour retention are about 10 KB; 25 times that is plenty. */
  static final int MAX_BODY_BYTES = 256 * 1024;

  /**
   * Made at the first forward, and shared: java.net.http's client sets up TLS (the default
   * SSLContext and the JDK's CA certificates, about 8 MiB of classes and heap) even for plain HTTP,
   * which an instance that is never asked for another's restaurant does not need.
   */
  private static final class Client {
    static final HttpClient INSTANCE =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  private final Duration deadline;
  private final int maxBodyBytes;

  Forwarder() {
    this(DEADLINE, MAX_BODY_BYTES);
  }

  Forwarder(Duration deadline, int maxBodyBytes) {
    this.deadline = deadline;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** GET {@code http://<server><pathAndQuery>}. */
  Response get(String server, String pathAndQuery) {
    URI uri = URI.create("http://" + server + pathAndQuery);
    CompletableFuture<HttpResponse<byte[]>> pending =
        Client.INSTANCE.sendAsync(
            HttpRequest.newBuilder(uri).timeout(deadline).GET().build(),
            CappedBody.upTo(maxBodyBytes));
    try {
      HttpResponse<byte[]> response = pending.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
      Response relayed = new Response(response.statusCode(), response.body(), Map.of());
      String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
      return retryAfter == null ? relayed : relayed.withHeader("Retry-After", retryAfter);
    } catch (TimeoutException e) {
      pending.cancel(true);
      return didNotAnswer(server, "no answer within " + deadline.toMillis() + " ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return didNotAnswer(
          server,
          cause.getClass().getSimpleName()
              + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      return Response.error(503, "interrupted while asking " + server);
    }
  }

  private static Response didNotAnswer(String server, String why) {
    return Response.error(502, "the instance at " + server + " did not answer: " + why);
  }
}
