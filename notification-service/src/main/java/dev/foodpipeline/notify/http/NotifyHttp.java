package dev.foodpipeline.notify.http;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.foodpipeline.model.json.InputLimits;
import dev.foodpipeline.model.json.Json;
import dev.foodpipeline.notify.CurrentService;
import dev.foodpipeline.notify.NotificationService;
import dev.foodpipeline.notify.NotifySettings;
import dev.foodpipeline.notify.SettingsException;
import dev.foodpipeline.notify.delivery.Delivery;
import dev.foodpipeline.notify.delivery.NotificationFeed;
import dev.foodpipeline.notify.delivery.Subscriber;
import dev.foodpipeline.notify.topology.Counters;
import dev.foodpipeline.shell.Errors;
import dev.foodpipeline.shell.http.Bind;
import dev.foodpipeline.shell.http.ServerLimits;
import dev.foodpipeline.shell.http.WorkPool;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KafkaStreams.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's HTTP server (the JDK's own, JSON by Jackson) on {@code --http-host:--http-port}:
 *
 * <ul>
 *   <li>{@code GET /customers/{id}/notifications} and {@code GET /restaurants/{id}/notifications}:
 *       server-sent events of the recipient's new notifications, resumable with {@code
 *       Last-Event-ID}; with {@code ?since=<ISO instant>} a JSON array of the recent ones;
 *   <li>{@code GET /health}, {@code GET /ready}, {@code GET /status}, {@code GET /}.
 * </ul>
 *
 * <p>Threads: the JDK server reads requests on {@value #CONNECTION_THREADS} connection threads,
 * which answer the probes at once; {@code ?since=} and {@code /status} run on a {@link WorkPool} of
 * {@value #WORK_THREADS} (503 when it is full); each event stream has a thread of its own, at most
 * {@code --max-subscribers} (503 past that). The JDK server's limits are {@link
 * ServerLimits#STREAMING}: the slow-client limits without a response time limit, which would cut
 * every stream.
 */
public final class NotifyHttp implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NotifyHttp.class);
  private static final ObjectWriter JSON = Json.mapper().writerWithDefaultPrettyPrinter();

  static final int CONNECTION_THREADS = 16;
  static final int CONNECTION_QUEUE = 64;
  static final int WORK_THREADS = 4;
  static final int WORK_QUEUE = 8;

  /** How soon a client reconnects after its stream ended (the {@code retry:} field). */
  static final long RETRY_MS = 1000;

  static final Set<String> PROBES = Set.of("/health", "/ready");
  private static final Pattern NOTIFICATIONS =
      Pattern.compile("/(customers|restaurants)/([^/]*)/notifications/?");
  private static final Pattern EVENT_ID = Pattern.compile("(\\d{1,9})-(\\d{1,18})");

  private final HttpServer server;
  private final WorkPool connections;
  private final WorkPool work;
  private final ThreadPoolExecutor streams;
  private final Semaphore streamPermits;
  private final NotifySettings settings;
  private final CurrentService current;
  private final NotificationFeed feed;
  private final Counters counters;
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong cutOff = new AtomicLong();

  private NotifyHttp(
      HttpServer server,
      NotifySettings settings,
      CurrentService current,
      NotificationFeed feed,
      Counters counters) {
    this.server = server;
    this.settings = settings;
    this.current = current;
    this.feed = feed;
    this.counters = counters;
    this.connections = new WorkPool("http", CONNECTION_THREADS, CONNECTION_QUEUE);
    this.work = new WorkPool("http-work", WORK_THREADS, WORK_QUEUE);
    AtomicInteger count = new AtomicInteger();
    this.streams =
        new ThreadPoolExecutor(
            0,
            settings.maxSubscribers(),
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            runnable -> {
              Thread thread = new Thread(runnable, "sse-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.streamPermits = new Semaphore(settings.maxSubscribers());
  }

  /**
   * Binds the HTTP port of {@code settings} (0: any free port) and serves.
   *
   * @throws SettingsException when the address cannot be bound, e.g. the port is taken
   */
  public static NotifyHttp start(
      NotifySettings settings, CurrentService current, NotificationFeed feed, Counters counters) {
    Map<String, String> limits = ServerLimits.apply(ServerLimits.STREAMING);
    HttpServer server =
        Bind.httpServer(settings.httpHost(), settings.httpPort(), 64, SettingsException::new);
    NotifySettings bound = settings.withHttpPort(server.getAddress().getPort());
    NotifyHttp http = new NotifyHttp(server, bound, current, feed, counters);
    server.createContext("/", http::exchange);
    server.setExecutor(http.connections.executor());
    server.start();
    log.info(
        "notification-service serves HTTP on http://{}:{}; at most {} event streams of {} queued"
            + " notifications each, heartbeat every {} ms; server limits {}",
        bound.httpHost(),
        bound.httpPort(),
        bound.maxSubscribers(),
        bound.subscriberQueue(),
        bound.heartbeat().toMillis(),
        limits);
    return http;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The settings with the bound port. */
  public NotifySettings settings() {
    return settings;
  }

  private void exchange(HttpExchange exchange) {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (PROBES.contains(path)) {
      send(exchange, path.equals("/health") ? health() : ready());
      return;
    }
    Matcher matcher = NOTIFICATIONS.matcher(path);
    if (!matcher.matches()) {
      offer(
          exchange,
          () ->
              path.equals("/status")
                  ? status()
                  : path.equals("/")
                      ? index()
                      : Reply.error(404, "no such endpoint: " + path + " (GET / lists them)"));
      return;
    }
    if (!method.equals("GET")) {
      send(exchange, Reply.error(405, "only GET is served here, not " + method));
      return;
    }
    boolean customer = matcher.group(1).equals("customers");
    String id = matcher.group(2);
    Optional<String> problem =
        InputLimits.idProblem(customer ? "customer id" : "restaurant id", id);
    if (problem.isPresent()) {
      send(exchange, Reply.error(400, problem.get()));
      return;
    }
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    if (!customer) {
      Reply unknown = unknownRestaurant(id);
      if (unknown != null) {
        send(exchange, unknown);
        return;
      }
    }
    if (query.containsKey("since")) {
      offer(exchange, () -> since(id, query.get("since")));
      return;
    }
    stream(exchange, id);
  }

  /** 404 for a restaurant the catalogue does not hold, 503 while it cannot be asked; else null. */
  private Reply unknownRestaurant(String restaurantId) {
    Optional<Boolean> known =
        current.service().flatMap(service -> service.knowsRestaurant(restaurantId));
    if (known.isEmpty()) {
      return Reply.unavailable("the restaurant catalogue is not loaded yet");
    }
    return known.get()
        ? null
        : Reply.error(404, "restaurant " + restaurantId + " is not in the catalogue");
  }

  private Reply since(String recipient, String since) {
    Instant from;
    try {
      from = Instant.parse(since);
    } catch (DateTimeParseException e) {
      return Reply.error(
          400,
          "since must be an ISO-8601 instant such as 2026-12-05T09:00:00Z, got '" + since + "'");
    }
    if (!feed.caughtUp()) {
      return Reply.unavailable("the notification feed has not caught up yet");
    }
    List<Delivery> found = feed.since(recipient, from);
    Reply reply = Reply.ok(found.stream().map(Delivery::notification).toList());
    return found.isEmpty()
        ? reply
        : reply.withHeader("X-Last-Event-ID", found.get(found.size() - 1).eventId());
  }

  private void stream(HttpExchange exchange, String recipient) {
    String lastEventId = exchange.getRequestHeaders().getFirst("Last-Event-ID");
    long resumeAfter = -1;
    if (lastEventId != null && !lastEventId.isBlank()) {
      Matcher id = EVENT_ID.matcher(lastEventId.trim());
      int partition = feed.partitionOf(recipient);
      if (!id.matches() || Integer.parseInt(id.group(1)) != partition) {
        send(
            exchange,
            Reply.error(
                400,
                "Last-Event-ID must be <partition>-<offset> of an event of this stream (partition "
                    + partition
                    + "), got '"
                    + Errors.oneLine(lastEventId)
                    + "'"));
        return;
      }
      resumeAfter = Long.parseLong(id.group(2));
    }
    if (!feed.caughtUp()) {
      send(exchange, Reply.unavailable("the notification feed has not caught up yet"));
      return;
    }
    if (!streamPermits.tryAcquire()) {
      send(
          exchange,
          Reply.unavailable(
              "too many event streams open (" + settings.maxSubscribers() + "); try again later"));
      return;
    }
    long resume = resumeAfter;
    try {
      streams.execute(() -> serveStream(exchange, recipient, resume));
    } catch (RejectedExecutionException e) {
      streamPermits.release();
      send(exchange, Reply.unavailable("too many event streams open"));
    }
  }

  private void serveStream(HttpExchange exchange, String recipient, long resumeAfter) {
    NotificationFeed.Subscription subscription;
    try {
      subscription = feed.subscribe(recipient, resumeAfter, settings.subscriberQueue());
    } catch (IllegalStateException e) {
      streamPermits.release();
      send(exchange, Reply.unavailable(e.getMessage()));
      return;
    }
    Subscriber subscriber = subscription.subscriber();
    subscriber.attach(Thread.currentThread());
    try {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
      exchange.sendResponseHeaders(200, 0);
      EventStream events = new EventStream(exchange.getResponseBody());
      events.retry(RETRY_MS);
      events.comment(
          "notifications of "
              + recipient
              + " (order-notifications partition "
              + subscriber.partition()
              + ")");
      if (resumeAfter >= 0) {
        for (Delivery missed :
            feed.replay(recipient, resumeAfter + 1, subscription.livePosition())) {
          events.send(missed);
        }
      }
      long heartbeat = settings.heartbeat().toMillis();
      while (!subscriber.overflowed()) {
        Delivery next = subscriber.next(heartbeat);
        if (next != null) {
          events.send(next);
        } else {
          events.comment("heartbeat " + Instant.now());
        }
      }
    } catch (InterruptedException | IOException | RuntimeException e) {
      // The client left, the subscriber was cut off (interrupt), or the server is stopping.
      log.debug("Event stream of {} ended: {}", recipient, e.toString());
    } finally {
      feed.unsubscribe(subscriber);
      subscriber.detach();
      if (subscriber.overflowed()) {
        long count = cutOff.incrementAndGet();
        if (Long.bitCount(count) == 1) {
          log.info(
              "Closed the event stream of {}: it fell {} notifications behind ({} streams cut off so"
                  + " far); the client resumes with Last-Event-ID",
              recipient,
              settings.subscriberQueue(),
              count);
        }
      }
      try {
        exchange.close();
      } catch (RuntimeException e) {
        log.debug("Closing the event stream of {}: {}", recipient, e.toString());
      }
      streamPermits.release();
    }
  }

  private Reply health() {
    Optional<NotificationService> service = current.service();
    State state = service.map(NotificationService::state).orElse(null);
    boolean down =
        current.stopping()
            || state == State.ERROR
            || state == State.PENDING_ERROR
            || state == State.NOT_RUNNING
            || state == State.PENDING_SHUTDOWN;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", down ? "DOWN" : "UP");
    body.put("state", state == null ? "WAITING for " + current.waitingFor() : state.name());
    return Reply.of(down ? 503 : 200, body);
  }

  private Reply ready() {
    Optional<NotificationService> service = current.service();
    boolean running = service.map(NotificationService::isRunning).orElse(false);
    boolean ready = running && feed.caughtUp() && !current.stopping();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ready", ready);
    body.put(
        "state", service.map(s -> s.state().name()).orElse("WAITING for " + current.waitingFor()));
    body.put("feedCaughtUp", feed.caughtUp());
    return Reply.of(ready ? 200 : 503, body);
  }

  private Reply status() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "state",
        current.service().map(s -> s.state().name()).orElse("WAITING for " + current.waitingFor()));
    body.put("applicationId", settings.applicationId());
    body.put("counters", counters.snapshot());
    body.put("feed", feed.status());
    body.put("eventStreamsCutOff", cutOff.get());
    body.put(
        "kitchen",
        Map.of("windowMs", settings.kitchenWindow().toMillis(), "cooks", settings.kitchenCooks()));
    return Reply.ok(body);
  }

  private static Reply index() {
    return Reply.ok(
        List.of(
            "GET /customers/{customerId}/notifications (server-sent events; Last-Event-ID resumes)",
            "GET /customers/{customerId}/notifications?since=<ISO instant> (JSON array)",
            "GET /restaurants/{restaurantId}/notifications (server-sent events)",
            "GET /restaurants/{restaurantId}/notifications?since=<ISO instant> (JSON array)",
            "GET /health",
            "GET /ready",
            "GET /status"));
  }

  private void offer(HttpExchange exchange, java.util.function.Supplier<Reply> answer) {
    Runnable task =
        () -> {
          Reply reply;
          try {
            reply = answer.get();
          } catch (RuntimeException e) {
            log.warn("GET {} failed: {}", exchange.getRequestURI(), e.toString());
            reply = Reply.unavailable(Errors.oneLineOf(e));
          }
          send(exchange, reply);
        };
    if (!work.offer(task)) {
      long count = refused.incrementAndGet();
      if (Long.bitCount(count) == 1) {
        log.warn("Refused {} request(s) with 503 so far: {}", count, work.describe());
      }
      send(exchange, Reply.unavailable("too many requests in progress (" + work.describe() + ")"));
    }
  }

  static void send(HttpExchange exchange, Reply reply) {
    try (exchange) {
      byte[] body = JSON.writeValueAsBytes(reply.body());
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(reply.status(), head ? -1 : body.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } catch (IOException e) {
      log.debug("{}: no answer sent: {}", exchange.getRequestURI(), e.toString());
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
      try {
        parameters.put(
            URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        parameters.put(name, value);
      }
    }
    return parameters;
  }

  /** Stops serving at once and ends every event stream. */
  @Override
  public void close() {
    server.stop(0);
    streams.shutdownNow();
    work.close();
    connections.close();
  }

  /** A status, a body written as JSON, and extra headers. */
  record Reply(int status, Object body, Map<String, String> headers) {
    Reply {
      headers = Map.copyOf(headers);
    }

    static Reply ok(Object body) {
      return new Reply(200, body, Map.of());
    }

    static Reply of(int status, Object body) {
      return new Reply(status, body, Map.of());
    }

    static Reply error(int status, String message) {
      return new Reply(status, Map.of("error", message), Map.of());
    }

    static Reply unavailable(String message) {
      return new Reply(503, Map.of("error", message), Map.of("Retry-After", "1"));
    }

    Reply withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Reply(status, body, more);
    }
  }
}
