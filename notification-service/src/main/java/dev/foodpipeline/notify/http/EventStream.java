package dev.foodpipeline.notify.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.foodpipeline.model.json.Json;
import dev.foodpipeline.notify.delivery.Delivery;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The server-sent events format: an event is {@code id:} (the position {@code <partition>-<offset>}
 * a client resumes from with {@code Last-Event-ID}), {@code event:} (the notification type) and
 * {@code data:} (the notification as one line of plain JSON), then an empty line; a line starting
 * with {@code :} is a comment (the heartbeat).
 */
final class EventStream {
  private final OutputStream out;

  EventStream(OutputStream out) {
    this.out = out;
  }

  static String event(Delivery delivery) {
    try {
      return "id: "
          + delivery.eventId()
          + "\nevent: "
          + delivery.notification().type().name()
          + "\ndata: "
          + Json.mapper().writeValueAsString(delivery.notification())
          + "\n\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a notification as JSON", e);
    }
  }

  void send(Delivery delivery) throws IOException {
    write(event(delivery));
  }

  /** A comment line: ignored by clients, keeps proxies and the connection from going idle. */
  void comment(String text) throws IOException {
    write(": " + text.replace('\n', ' ') + "\n\n");
  }

  /** How long a client waits before it reconnects after the stream ends. */
  void retry(long millis) throws IOException {
    write("retry: " + millis + "\n\n");
  }

  private void write(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
