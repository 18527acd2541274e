package dev.foodpipeline.streams.http;

import dev.foodpipeline.streams.StreamsApp;
import dev.foodpipeline.streams.topology.OrderTopology;
import dev.foodpipeline.streams.topology.WindowTotals;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * {@code GET /restaurants/{id}/stats}: the restaurant's 1-minute windows (count and revenue of its
 * accepted orders) still in {@value OrderTopology#RESTAURANT_STATS_STORE}, live (an open window's
 * figures still grow). The windows of one restaurant live on the one instance whose task owns the
 * restaurant's partition; Kafka Streams says which ({@code queryMetadataForKey}), and an instance
 * that is not the owner forwards the request to it ({@code ?local=true}), so every instance gives
 * the same answer. 503 with {@code Retry-After} while the owner is not known or its store is moving
 * (a rebalance), 502 when the owner does not answer.
 */
final class RestaurantStatsEndpoint {
  static final String LOCAL = "local";
  private static final Pattern RESTAURANT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final String self;
  private final Duration window;
  private final Duration retention;
  private final Clock clock;
  private final Forwarder forwarder;

  /**
   * @param self this instance's {@code host:port} as the Streams metadata names it
   * @param window the size of the windows (a window's end is its start plus this)
   * @param retention how long the store keeps a window: the windows asked for are those that
   *     started within this time before now (a window's time is never after its processing time)
   */
  RestaurantStatsEndpoint(
      String self, Duration window, Duration retention, Clock clock, Forwarder forwarder) {
    this.self = self;
    this.window = window;
    this.retention = retention;
    this.clock = clock;
    this.forwarder = forwarder;
  }

  /** The answer for one restaurant: the windows of the store, by window start. */
  public record RestaurantStatsView(
      String restaurantId, int partition, String servedBy, List<WindowView> windows) {}

  /** One window: start (inclusive), end (exclusive), orders and their revenue so far. */
  public record WindowView(
      Instant windowStart, Instant windowEnd, long orderCount, BigDecimal revenue) {}

  Response handle(Optional<StreamsApp> current, String restaurantId, Map<String, String> query) {
    if (!RESTAURANT_ID.matcher(restaurantId).matches()) {
      return Response.error(
          400,
          "a restaurant id is 1 to 64 letters, digits, '.', '_' or '-', got '"
              + restaurantId
              + "'");
    }
    if (current.isEmpty()) {
      return Response.unavailable("no Kafka Streams client yet");
    }
    KafkaStreams streams = current.get().kafkaStreams();
    if (!streams.state().isRunningOrRebalancing()) {
      return Response.unavailable("the Kafka Streams client is " + streams.state());
    }
    KeyQueryMetadata owner =
        streams.queryMetadataForKey(
            OrderTopology.RESTAURANT_STATS_STORE, restaurantId, Serdes.String().serializer());
    if (owner == null
        || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)
        || owner.activeHost() == null) {
      return Response.unavailable(
          "the owner of restaurant " + restaurantId + " is not known right now (a rebalance?)");
    }
    String ownerServer = owner.activeHost().host() + ":" + owner.activeHost().port();
    if (ownerServer.equals(self)) {
      return local(streams, restaurantId, owner.partition()).withHeader("X-Answered-By", self);
    }
    if (query.containsKey(LOCAL)) {
      return Response.unavailable(
          "this instance ("
              + self
              + ") does not own restaurant "
              + restaurantId
              + " (partition "
              + owner.partition()
              + " is at "
              + ownerServer
              + "): the instances' views differ during a rebalance");
    }
    return forwarder
        .get(ownerServer, "/restaurants/" + restaurantId + "/stats?" + LOCAL + "=true")
        .withHeader("X-Answered-By", self)
        .withHeader("X-Forwarded-To", ownerServer);
  }

  private Response local(KafkaStreams streams, String restaurantId, int partition) {
    try {
      ReadOnlyWindowStore<String, WindowTotals> store =
          streams.store(
              StoreQueryParameters.fromNameAndType(
                      OrderTopology.RESTAURANT_STATS_STORE,
                      QueryableStoreTypes.<String, WindowTotals>windowStore())
                  .withPartition(partition));
      List<WindowView> windows = new ArrayList<>();
      Instant now = clock.instant();
      try (WindowStoreIterator<WindowTotals> entries =
          store.fetch(restaurantId, now.minus(retention), now)) {
        while (entries.hasNext()) {
          KeyValue<Long, WindowTotals> entry = entries.next();
          Instant start = Instant.ofEpochMilli(entry.key);
          windows.add(
              new WindowView(
                  start, start.plus(window), entry.value.orderCount(), entry.value.revenue()));
        }
      }
      return Response.ok(new RestaurantStatsView(restaurantId, partition, self, windows));
    } catch (InvalidStateStoreException e) {
      return Response.unavailable(
          "the stats store of partition "
              + partition
              + " is not queryable right now: "
              + e.getMessage());
    }
  }
}
