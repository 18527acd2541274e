package dev.foodpipeline.streams.http;

import dev.foodpipeline.streams.CurrentApp;
import dev.foodpipeline.streams.StreamsApp;
import dev.foodpipeline.streams.StreamsSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KafkaStreams.State;

/**
 * The HTTP endpoints of one instance, as plain functions from a request to a {@link Response} (the
 * server in {@link HttpApi} only moves bytes):
 *
 * <ul>
 *   <li>{@code GET /health}: 200 while the instance works or waits for Kafka; 503 when its Kafka
 *       Streams client is in ERROR, PENDING_ERROR, PENDING_SHUTDOWN or NOT_RUNNING, or it is
 *       stopping;
 *   <li>{@code GET /ready}: 200 only when RUNNING with no store being restored; else 503;
 *   <li>{@code GET /assignment}: {@link AssignmentView};
 *   <li>{@code GET /restaurants/{id}/stats}: {@link RestaurantStatsEndpoint}.
 * </ul>
 */
final class Endpoints implements Routes {
  private static final Pattern RESTAURANT_STATS = Pattern.compile("/restaurants/([^/]+)/stats/?");
  private final StreamsSettings settings;
  private final CurrentApp current;
  private final RestaurantStatsEndpoint stats;

  Endpoints(
      StreamsSettings settings, CurrentApp current, Duration statsWindow, Duration statsRetention) {
    this.settings = settings;
    this.current = current;
    this.stats =
        new RestaurantStatsEndpoint(
            server(), statsWindow, statsRetention, java.time.Clock.systemUTC(), new Forwarder());
  }

  /** This instance's {@code host:port} as the other instances see it. */
  String server() {
    return settings
        .applicationServer()
        .orElse(settings.advertisedHost() + ":" + settings.httpPort());
  }

  @Override
  public Response handle(String method, String path, Map<String, String> query) {
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return Response.error(405, "only GET is supported, got " + method)
          .withHeader("Allow", "GET, HEAD");
    }
    Matcher restaurant = RESTAURANT_STATS.matcher(path);
    if (restaurant.matches()) {
      return stats.handle(current.app(), restaurant.group(1), query);
    }
    return switch (path) {
      case "/", "" -> index();
      case "/health" -> health();
      case "/ready" -> ready();
      case "/assignment" -> assignment();
      default -> Response.error(404, "no endpoint " + path + "; see GET /");
    };
  }

  private Response index() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("instanceId", settings.instanceId());
    body.put("server", server());
    body.put(
        "endpoints",
        List.of(
            "GET /health       live: 200 unless the Streams client failed or the instance is stopping",
            "GET /ready        200 when RUNNING and no store is restoring",
            "GET /assignment   this instance's threads and tasks; every instance's partitions",
            "GET /restaurants/{id}/stats   1-minute windows of a restaurant, answered by the instance that owns it"));
    return Response.ok(body);
  }

  private Response health() {
    Map<String, Object> body = base();
    Optional<StreamsApp> app = current.app();
    if (current.stopping()) {
      body.put("status", "DOWN");
      body.put("state", app.map(a -> a.state().name()).orElse("STOPPING"));
      body.put("reason", "stopping on request");
      return Response.of(503, body);
    }
    if (app.isEmpty()) {
      body.put("status", "UP");
      body.put("state", "WAITING");
      body.put("waitingFor", current.waitingFor());
      return Response.ok(body);
    }
    State state = app.get().state();
    body.put("state", state.name());
    boolean failed =
        state == State.ERROR
            || state == State.PENDING_ERROR
            || state == State.NOT_RUNNING
            || state == State.PENDING_SHUTDOWN;
    body.put("status", failed ? "DOWN" : "UP");
    return Response.of(failed ? 503 : 200, body);
  }

  private Response ready() {
    Map<String, Object> body = base();
    Optional<StreamsApp> app = current.app();
    if (app.isEmpty() || current.stopping()) {
      body.put("ready", false);
      body.put("state", current.stopping() ? "STOPPING" : "WAITING");
      body.put(
          "reason",
          current.stopping() ? "stopping on request" : "waiting for " + current.waitingFor());
      return Response.of(503, body);
    }
    State state = app.get().state();
    List<String> restoring = List.copyOf(app.get().restoring());
    boolean ready = state == State.RUNNING && restoring.isEmpty();
    body.put("ready", ready);
    body.put("state", state.name());
    body.put("restoring", restoring);
    if (!ready) {
      body.put(
          "reason",
          state != State.RUNNING
              ? "state is " + state + ", not RUNNING"
              : "restoring " + restoring.size() + " store partition(s)");
    }
    return Response.of(ready ? 200 : 503, body);
  }

  private Response assignment() {
    Optional<StreamsApp> app = current.app();
    if (app.isEmpty()) {
      return Response.unavailable(
          "no Kafka Streams client yet: waiting for " + current.waitingFor());
    }
    State state = app.get().state();
    if (!state.isRunningOrRebalancing()) {
      return Response.unavailable(
          "the Kafka Streams client is " + state + ", it has no assignment");
    }
    return Response.ok(AssignmentView.of(app.get(), server()));
  }

  private Map<String, Object> base() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("instanceId", settings.instanceId());
    return body;
  }
}
