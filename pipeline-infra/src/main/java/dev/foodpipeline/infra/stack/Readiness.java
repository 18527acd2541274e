package dev.foodpipeline.infra.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * When a component of the local stack counts as ready: the value of {@code NAME.ready} in {@code
 * config/local-stack.properties}.
 */
public sealed interface Readiness {

  /**
   * Parses {@code exit}, {@code http PATH} or {@code log TEXT}.
   *
   * @throws IllegalArgumentException for anything else, naming the three forms
   */
  static Readiness parse(String value) {
    if (value.equals("exit")) {
      return new Exits();
    }
    if (value.startsWith("http /") && !value.substring("http ".length()).contains(" ")) {
      return new HttpOk(value.substring("http ".length()));
    }
    if (value.startsWith("log ") && !value.substring("log ".length()).isBlank()) {
      return new LogLine(value.substring("log ".length()));
    }
    throw new IllegalArgumentException(
        "expected 'exit', 'http /PATH' or 'log TEXT', got '" + value + "'");
  }

  /** The command exits 0 once its work is done, or, for a launcher, once its server is ready. */
  record Exits() implements Readiness {
    @Override
    public String toString() {
      return "exit";
    }
  }

  /** {@code GET path} on the component's first port answers 200. */
  record HttpOk(String path) implements Readiness {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    /** The check's URL under {@code baseUrl}, e.g. {@code http://127.0.0.1:8083/health}. */
    public URI uri(String baseUrl) {
      return URI.create(baseUrl).resolve(path);
    }

    /**
     * Polls {@code GET path} under {@code baseUrl} until it answers 200.
     *
     * @param what the component, for the message, e.g. "Kafka Connect"
     * @throws IllegalStateException after {@code timeout}, naming the last answer (status and body,
     *     or the connection error)
     */
    public void await(String what, String baseUrl, Duration timeout) {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpRequest request =
          HttpRequest.newBuilder(uri(baseUrl)).timeout(Duration.ofSeconds(10)).GET().build();
      long deadline = System.nanoTime() + timeout.toNanos();
      String last = "no answer";
      while (System.nanoTime() < deadline) {
        try {
          HttpResponse<String> response =
              client.send(request, HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200) {
            return;
          }
          last = response.statusCode() + " " + response.body();
        } catch (IOException e) {
          last = e.toString();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while waiting for " + what, e);
        }
        pause(what);
      }
      throw new IllegalStateException(
          String.format(
              "%s at %s not healthy after %d ms (GET %s); last answer: %s",
              what, baseUrl, timeout.toMillis(), path, last));
    }

    private static void pause(String what) {
      try {
        Thread.sleep(POLL_INTERVAL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + what, e);
      }
    }

    @Override
    public String toString() {
      return "http " + path;
    }
  }

  /** A line of the component's log holds {@code text}: for a component with nothing to ask. */
  record LogLine(String text) implements Readiness {
    @Override
    public String toString() {
      return "log " + text;
    }
  }
}
