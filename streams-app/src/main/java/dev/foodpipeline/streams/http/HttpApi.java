package dev.foodpipeline.streams.http;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.foodpipeline.model.json.Json;
import dev.foodpipeline.streams.CurrentApp;
import dev.foodpipeline.streams.Setting;
import dev.foodpipeline.streams.SettingsException;
import dev.foodpipeline.streams.StreamsSettings;
import dev.foodpipeline.streams.topology.TopologySettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instance's HTTP server (the JDK's own {@code com.sun.net.httpserver}, JSON by Jackson): binds
 * {@code --http-host:--http-port} when started and serves {@link Endpoints}. It outlives the
 * Streams apps the run loop starts and replaces, so {@code /health} answers while Kafka is away.
 */
public final class HttpApi implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpApi.class);
  private static final ObjectWriter JSON = Json.mapper().writerWithDefaultPrettyPrinter();

  /**
   * Few threads: the endpoints are small; a forwarded query waits at most the forwarding timeout.
   */
  private static final int THREADS = 4;

  private final HttpServer server;
  private final ExecutorService executor;
  private final StreamsSettings settings;
  private final Endpoints endpoints;

  private HttpApi(
      HttpServer server, ExecutorService executor, StreamsSettings settings, Endpoints endpoints) {
    this.server = server;
    this.executor = executor;
    this.settings = settings;
    this.endpoints = endpoints;
  }

  /**
   * Binds the HTTP port of {@code settings} (0: any free port) and serves the endpoints of the app
   * that {@code current} holds.
   *
   * @throws SettingsException when the address cannot be bound, e.g. the port is taken
   */
  public static HttpApi start(StreamsSettings settings, CurrentApp current) {
    HttpServer server;
    try {
      server =
          HttpServer.create(new InetSocketAddress(settings.httpHost(), settings.httpPort()), 32);
    } catch (IOException | RuntimeException e) {
      throw new SettingsException(
          String.format(
              "%s %d cannot be bound on %s: %s",
              Setting.HTTP_PORT.flag(),
              settings.httpPort(),
              settings.httpHost(),
              e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
    StreamsSettings bound = settings.withHttpPort(server.getAddress().getPort());
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            THREADS,
            runnable -> {
              Thread thread =
                  new Thread(
                      runnable, "http-" + bound.instanceId() + "-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    HttpApi api =
        new HttpApi(
            server,
            executor,
            bound,
            new Endpoints(
                bound,
                current,
                TopologySettings.DEFAULT_STATS_WINDOW,
                TopologySettings.DEFAULT_STATS_RETENTION));
    server.createContext("/", api::exchange);
    server.setExecutor(executor);
    server.start();
    log.info(
        "streams-app {} serves HTTP on http://{}:{} (advertised as {})",
        bound.instanceId(),
        bound.httpHost(),
        bound.httpPort(),
        bound.applicationServer().orElseThrow());
    return api;
  }

  /** The port actually bound. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The settings with the bound port. */
  public StreamsSettings settings() {
    return settings;
  }

  /** {@code http://<advertised host>:<port>}. */
  public String url() {
    return "http://" + settings.applicationServer().orElseThrow();
  }

  private void exchange(HttpExchange exchange) throws IOException {
    try (exchange) {
      Response response;
      try {
        response =
            endpoints.handle(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                query(exchange.getRequestURI().getRawQuery()));
      } catch (RuntimeException e) {
        log.warn("GET {} failed: {}", exchange.getRequestURI(), e.toString(), e);
        response = Response.error(500, e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      byte[] body =
          response.body() instanceof byte[] raw ? raw : JSON.writeValueAsBytes(response.body());
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(response.status(), head ? -1 : body.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  static Map<String, String> query(String rawQuery) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      parameters.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return parameters;
  }

  /** Stops serving at once. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
