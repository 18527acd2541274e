package dev.foodpipeline.streams.http;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.foodpipeline.model.json.Json;
import dev.foodpipeline.shell.http.Bind;
import dev.foodpipeline.shell.http.ServerLimits;
import dev.foodpipeline.shell.http.WorkPool;
import dev.foodpipeline.streams.CurrentApp;
import dev.foodpipeline.streams.SettingsException;
import dev.foodpipeline.streams.StreamsSettings;
import dev.foodpipeline.streams.topology.TopologySettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instance's HTTP server (the JDK's own {@code com.sun.net.httpserver}, JSON by Jackson): binds
 * {@code --http-host:--http-port} when started and serves {@link Endpoints}. It outlives the
 * Streams apps the run loop starts and replaces, so {@code /health} answers while Kafka is away.
 *
 * <p>A slow or hostile client cannot freeze it:
 *
 * <ul>
 *   <li>the JDK server reads a request's line and headers with blocking I/O on its executor, here
 *       {@value #CONNECTION_THREADS} connection threads (queue {@value #CONNECTION_QUEUE}; past
 *       that the server drops the new connection); {@link ServerLimits} closes a connection whose
 *       headers take longer than {@value ServerLimits#MAX_REQUEST_SECONDS} s, one whose response
 *       takes longer than {@value ServerLimits#MAX_RESPONSE_SECONDS} s and one idle for {@value
 *       ServerLimits#IDLE_SECONDS} s;
 *   <li>the probes ({@code /health}, {@code /ready}) only read the app's state: the connection
 *       thread that read the request answers them at once, so they never wait behind other work;
 *   <li>every other request runs on a {@link WorkPool} of {@value #WORK_THREADS} threads with
 *       {@value #WORK_QUEUE} places to wait; when both are taken the connection thread answers 503
 *       with {@code Retry-After: 1} at once;
 *   <li>a forward to the owning instance has a {@link Forwarder#DEADLINE} deadline and a body cap.
 * </ul>
 */
public final class HttpApi implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpApi.class);
  private static final ObjectWriter JSON = Json.mapper().writerWithDefaultPrettyPrinter();

  /** The paths answered on the connection thread, never queued behind other work. */
  static final Set<String> PROBES = Set.of("/health", "/ready");

  /** Reading requests and answering probes; a slow client holds one for at most maxReqTime. */
  static final int CONNECTION_THREADS = 16;

  static final int CONNECTION_QUEUE = 64;

  /** The other endpoints: small, a forwarded query waits at most the forwarding deadline. */
  static final int WORK_THREADS = 4;

  /**
   * A request that waits behind {@value} others for {@value #WORK_THREADS} threads waits at most
   * two forward deadlines, and with its own forward ends within the response time limit (9 of 10
   * s).
   */
  static final int WORK_QUEUE = 8;

  private final HttpServer server;
  private final WorkPool connections;
  private final WorkPool work;
  private final StreamsSettings settings;
  private final Routes routes;
  private final AtomicLong refused = new AtomicLong();

  private HttpApi(
      HttpServer server,
      WorkPool connections,
      WorkPool work,
      StreamsSettings settings,
      Routes routes) {
    this.server = server;
    this.connections = connections;
    this.work = work;
    this.settings = settings;
    this.routes = routes;
  }

  /**
   * Binds the HTTP port of {@code settings} (0: any free port) and serves the endpoints of the app
   * that {@code current} holds.
   *
   * @throws SettingsException when the address cannot be bound, e.g. the port is taken
   */
  public static HttpApi start(StreamsSettings settings, CurrentApp current) {
    return start(
        settings,
        bound ->
            new Endpoints(
                bound,
                current,
                TopologySettings.DEFAULT_STATS_WINDOW,
                TopologySettings.DEFAULT_STATS_RETENTION),
        WORK_THREADS,
        WORK_QUEUE);
  }

  /** As above with any routes (given the settings with the bound port) and work pool size. */
  static HttpApi start(
      StreamsSettings settings,
      Function<StreamsSettings, Routes> routes,
      int workThreads,
      int workQueue) {
    Map<String, String> limits = ServerLimits.apply();
    HttpServer server =
        Bind.httpServer(settings.httpHost(), settings.httpPort(), 32, SettingsException::new);
    StreamsSettings bound = settings.withHttpPort(server.getAddress().getPort());
    WorkPool connections =
        new WorkPool("http-" + bound.instanceId(), CONNECTION_THREADS, CONNECTION_QUEUE);
    WorkPool work = new WorkPool("http-work-" + bound.instanceId(), workThreads, workQueue);
    HttpApi api = new HttpApi(server, connections, work, bound, routes.apply(bound));
    server.createContext("/", api::exchange);
    server.setExecutor(connections.executor());
    server.start();
    log.info(
        "streams-app {} serves HTTP on http://{}:{} (advertised as {}); {} connection threads, {}"
            + " work threads with {} waiting places; server limits {}",
        bound.instanceId(),
        bound.httpHost(),
        bound.httpPort(),
        bound.applicationServer().orElseThrow(),
        CONNECTION_THREADS,
        workThreads,
        workQueue,
        limits);
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

  /** On a connection thread, once the request line and headers are read. */
  private void exchange(HttpExchange exchange) {
    String path = exchange.getRequestURI().getPath();
    if (PROBES.contains(path)) {
      answer(exchange);
      return;
    }
    if (!work.offer(() -> answer(exchange))) {
      long count = refused.incrementAndGet();
      if (count == 1 || count % 100 == 0) {
        log.warn(
            "{} {} refused with 503, {} refused so far: {}",
            exchange.getRequestMethod(),
            path,
            count,
            work.describe());
      }
      send(
          exchange,
          Response.unavailable("too many requests in progress (" + work.describe() + ")"));
    }
  }

  private void answer(HttpExchange exchange) {
    Response response;
    try {
      response =
          routes.handle(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              query(exchange.getRequestURI().getRawQuery()));
    } catch (RuntimeException e) {
      log.warn("GET {} failed: {}", exchange.getRequestURI(), e.toString(), e);
      response = Response.error(500, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    send(exchange, response);
  }

  private static void send(HttpExchange exchange, Response response) {
    try (exchange) {
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
    } catch (IOException e) {
      // The client left, or the server closed the connection at its response time limit.
      log.debug(
          "{} {}: no answer sent: {}",
          exchange.getRequestMethod(),
          exchange.getRequestURI(),
          e.toString());
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
    work.close();
    connections.close();
  }
}
