package dev.foodpipeline.dashboard.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.foodpipeline.dashboard.DashboardSettings;
import dev.foodpipeline.dashboard.Poller;
import dev.foodpipeline.dashboard.SettingsException;
import dev.foodpipeline.dashboard.Snapshot;
import dev.foodpipeline.shell.http.Bind;
import dev.foodpipeline.shell.http.ServerLimits;
import dev.foodpipeline.shell.http.WorkPool;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's HTTP server (the JDK's):
 *
 * <ul>
 *   <li>{@code GET /}: the page, with {@code /app.js}, {@code /app.css} and uPlot's files ({@link
 *       StaticFiles});
 *   <li>{@code GET /api/snapshot}: the latest {@link Snapshot} as JSON;
 *   <li>{@code GET /api/events}: server-sent events, one {@code snapshot} event per poll;
 *   <li>{@code GET /health}: 200 while the server runs (the collectors' errors are in the
 *       snapshot).
 * </ul>
 *
 * At most {@value #MAX_STREAMS} event streams are open at once; one more is answered 503.
 */
public final class DashboardHttp implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DashboardHttp.class);
  static final int MAX_STREAMS = 12;
  static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final HttpServer server;
  private final WorkPool pool;
  private final Poller poller;
  private final Duration interval;
  private volatile boolean closing;

  private DashboardHttp(HttpServer server, WorkPool pool, Poller poller, Duration interval) {
    this.server = server;
    this.pool = pool;
    this.poller = poller;
    this.interval = interval;
  }

  /** Binds {@code --http-host}:{@code --http-port} and serves until closed. */
  public static DashboardHttp start(DashboardSettings settings, Poller poller) {
    ServerLimits.apply(ServerLimits.STREAMING);
    HttpServer server =
        Bind.httpServer(settings.httpHost(), settings.httpPort(), 50, SettingsException::new);
    WorkPool pool = new WorkPool("dashboard-http", MAX_STREAMS + 4, 16);
    DashboardHttp http = new DashboardHttp(server, pool, poller, settings.interval());
    server.setExecutor(pool.executor());
    server.createContext("/", http::handle);
    server.start();
    return http;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!"GET".equals(exchange.getRequestMethod())) {
        send(exchange, 405, "text/plain", "only GET is supported\n");
        return;
      }
      switch (path) {
        case "/health" -> send(exchange, 200, "application/json", "{\"status\":\"UP\"}\n");
        case "/api/snapshot" -> snapshot(exchange);
        case "/api/events" -> events(exchange);
        default -> staticFile(exchange, path);
      }
    } catch (IOException e) {
      log.debug("A client went away", e);
    }
  }

  private void snapshot(HttpExchange exchange) throws IOException {
    try {
      Snapshot snapshot = poller.current(interval.multipliedBy(5));
      send(exchange, 200, "application/json", JSON.writeValueAsString(snapshot));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      send(exchange, 503, "text/plain", "the dashboard is stopping\n");
    }
  }

  private void staticFile(HttpExchange exchange, String path) throws IOException {
    StaticFiles.File file = StaticFiles.find(path);
    if (file == null) {
      send(exchange, 404, "text/plain", "no such page: " + path + "; try /\n");
      return;
    }
    try (InputStream in = file.open()) {
      byte[] body = in.readAllBytes();
      exchange.getResponseHeaders().set("Content-Type", file.contentType());
      exchange.getResponseHeaders().set("Cache-Control", "no-cache");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private int streams;

  private synchronized boolean openStream() {
    if (streams >= MAX_STREAMS) {
      return false;
    }
    streams++;
    return true;
  }

  private synchronized void closeStream() {
    streams--;
  }

  private void events(HttpExchange exchange) throws IOException {
    if (!openStream()) {
      exchange.getResponseHeaders().set("Retry-After", "5");
      send(exchange, 503, "text/plain", "too many event streams open\n");
      return;
    }
    try {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
      exchange.getResponseHeaders().set("Cache-Control", "no-cache");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      out.write(("retry: " + interval.toMillis() + "\n\n").getBytes(StandardCharsets.UTF_8));
      long sequence = -1;
      while (!closing) {
        Snapshot snapshot = poller.next(sequence, interval.multipliedBy(5));
        if (snapshot.sequence() == sequence) {
          out.write(": waiting for the collectors\n\n".getBytes(StandardCharsets.UTF_8));
        } else {
          sequence = snapshot.sequence();
          out.write(
              ("event: snapshot\nid: "
                      + sequence
                      + "\ndata: "
                      + JSON.writeValueAsString(snapshot)
                      + "\n\n")
                  .getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeStream();
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    closing = true;
    server.stop(0);
    pool.close();
  }
}
