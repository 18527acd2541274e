package dev.foodpipeline.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A server-sent events client: parses the stream on a thread of its own into events. */
final class SseClient implements AutoCloseable {
  /** One event, and when it arrived ({@link System#nanoTime}). */
  record Event(String id, String type, String data, long arrivedNanos) {}

  final int status;
  final String contentType;
  private final HttpURLConnection connection;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
  private volatile boolean ended;

  SseClient(String url, String lastEventId) throws IOException {
    connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
    connection.setRequestProperty("Accept", "text/event-stream");
    if (lastEventId != null) {
      connection.setRequestProperty("Last-Event-ID", lastEventId);
    }
    connection.setConnectTimeout(5000);
    connection.setReadTimeout(60_000);
    status = connection.getResponseCode();
    contentType = connection.getContentType();
    if (status == 200) {
      Thread reader = new Thread(this::read, "sse-client");
      reader.setDaemon(true);
      reader.start();
    }
  }

  private void read() {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
      String id = null;
      String type = null;
      String data = null;
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isEmpty()) {
          if (data != null) {
            events.add(new Event(id, type, data, System.nanoTime()));
          }
          id = null;
          type = null;
          data = null;
        } else if (line.startsWith(":")) {
          comments.add(line.substring(1).trim());
        } else if (line.startsWith("id: ")) {
          id = line.substring(4);
        } else if (line.startsWith("event: ")) {
          type = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data = line.substring(6);
        }
      }
    } catch (IOException e) {
      // closed
    } finally {
      ended = true;
    }
  }

  /** The next event, or null when none arrives within {@code timeout}. */
  Event next(Duration timeout) throws InterruptedException {
    return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  String nextComment(Duration timeout) throws InterruptedException {
    return comments.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  boolean ended() {
    return ended;
  }

  @Override
  public void close() {
    connection.disconnect();
  }
}
