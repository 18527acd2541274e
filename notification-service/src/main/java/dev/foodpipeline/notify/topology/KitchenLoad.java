package dev.foodpipeline.notify.topology;

import dev.foodpipeline.model.Notification;
import dev.foodpipeline.model.NotificationType;
import dev.foodpipeline.model.notify.NotificationIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per restaurant (the record key), the accepted orders of a sliding window of event time: the
 * orders created in {@code (clock − window, clock]}, where the clock is the latest creation time
 * seen for the restaurant. {@code KITCHEN_OVERLOADED} when an order takes the count over the
 * capacity ({@link KitchenSettings#capacity}), id {@code kitchen-overloaded:<restaurant>:<that
 * order>}; {@code KITCHEN_OK} when the count is back at or below it, id {@code
 * kitchen-ok:<restaurant>:<the order that overloaded it>}, so each overload and its end are one
 * notification each, however often they are computed again.
 *
 * <p>Without new orders the event-time clock stands still, so a check on the wall clock every
 * {@link #CHECK_INTERVAL} moves each restaurant's clock to at least the current time, forgets the
 * orders that left the window, ends the overloads that are over and drops the restaurants without
 * orders (so the store holds only the restaurants of the last window).
 *
 * <p>The creation times of a restaurant's orders in its window are kept by the second: one entry of
 * {@value NotificationTopology#KITCHEN_ORDERS_STORE} per restaurant and second with orders (key
 * {@code <restaurant>|<the second's start in ms, 19 digits>}, so a restaurant's seconds are sorted
 * and those that left the window are one range), its value the {@link CreationTimes} of that
 * second; {@link KitchenState} keeps their count. An order rewrites one second's times, whatever
 * the window holds, and the store holds at most one entry per restaurant and second of the window
 * plus eight bytes an order. (Until issue 15 the state held the list of every creation time in the
 * window and wrote it whole for each order: at 550 orders/s, 1.3 GB of changelog for 150,000
 * orders. An entry per order then cost about 160 bytes of heap: at 2,000 orders/s the window's
 * 600,000 entries ran the service out of its heap.)
 */
final class KitchenLoad implements Processor<String, KitchenOrder, String, Notification> {
  static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

  private static final String SEPARATOR = "|";

  /** The span of one kitchen-orders entry. */
  static final long BUCKET_MS = 1_000;

  private final KitchenSettings settings;
  private final Counters counters;
  private final String windowWords;
  private ProcessorContext<String, Notification> context;
  private KeyValueStore<String, KitchenState> store;
  private KeyValueStore<String, byte[]> orders;

  KitchenLoad(KitchenSettings settings, Counters counters) {
    this.settings = settings;
    this.counters = counters;
    this.windowWords = Messages.window(settings.window());
  }

  @Override
  public void init(ProcessorContext<String, Notification> context) {
    this.context = context;
    this.store = context.getStateStore(NotificationTopology.KITCHEN_STORE);
    this.orders = context.getStateStore(NotificationTopology.KITCHEN_ORDERS_STORE);
    context.schedule(CHECK_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::check);
  }

  @Override
  public void process(Record<String, KitchenOrder> record) {
    KitchenOrder order = record.value();
    if (record.key() == null || order == null || order.prepMinutes() == null) {
      counters.ordersOfUnknownRestaurants.incrementAndGet();
      return;
    }
    String restaurant = record.key();
    KitchenState state = store.get(restaurant);
    long capacity = settings.capacity(order.prepMinutes());
    long clock = Math.max(state == null ? Long.MIN_VALUE : state.clockMs(), order.createdAtMs());
    long windowStart = clock - settings.window().toMillis();
    long count = state == null ? 0 : state.count();
    if (order.createdAtMs() > windowStart) {
      String second = bucketKey(restaurant, order.createdAtMs());
      orders.put(second, CreationTimes.add(orders.get(second), order.createdAtMs()));
      count++;
    }
    count -= forget(restaurant, windowStart);
    String overloadedBy = state == null ? null : state.overloadedBy();
    Instant eventAt = Instant.ofEpochMilli(clock);
    Instant notifiedAt = Instant.ofEpochMilli(record.timestamp());
    if (overloadedBy == null && count > capacity) {
      overloadedBy = order.orderId();
      forward(
          restaurant,
          overloaded(restaurant, overloadedBy, count, capacity, eventAt, notifiedAt),
          record.timestamp());
    } else if (overloadedBy != null && count <= capacity) {
      forward(
          restaurant,
          ok(restaurant, overloadedBy, count, capacity, eventAt, notifiedAt),
          record.timestamp());
      overloadedBy = null;
    }
    store.put(restaurant, new KitchenState(count, clock, capacity, overloadedBy));
  }

  /** The wall-clock check: moves every clock to {@code now} at least, ends finished overloads. */
  void check(long now) {
    List<KeyValue<String, KitchenState>> states = new ArrayList<>();
    try (KeyValueIterator<String, KitchenState> all = store.all()) {
      all.forEachRemaining(states::add);
    }
    for (KeyValue<String, KitchenState> entry : states) {
      KitchenState state = entry.value;
      long clock = Math.max(state.clockMs(), now);
      long count = state.count() - forget(entry.key, clock - settings.window().toMillis());
      String overloadedBy = state.overloadedBy();
      if (overloadedBy != null && count <= state.capacity()) {
        forward(
            entry.key,
            ok(
                entry.key,
                overloadedBy,
                count,
                state.capacity(),
                Instant.ofEpochMilli(clock),
                Instant.ofEpochMilli(now)),
            now);
        overloadedBy = null;
      }
      if (count != state.count() || !Objects.equals(overloadedBy, state.overloadedBy())) {
        store.put(
            entry.key,
            count == 0 && overloadedBy == null
                ? null
                : new KitchenState(count, state.clockMs(), state.capacity(), overloadedBy));
      }
    }
  }

  /**
   * Forgets the restaurant's orders created at or before {@code windowStart}: the seconds wholly
   * before it are deleted, the second it falls in keeps its later times. How many were forgotten.
   */
  private long forget(String restaurant, long windowStart) {
    if (windowStart < 0) {
      return 0;
    }
    List<KeyValue<String, byte[]>> old = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> seconds =
        orders.range(restaurant + SEPARATOR, bucketKey(restaurant, windowStart))) {
      seconds.forEachRemaining(old::add);
    }
    long forgotten = 0;
    for (KeyValue<String, byte[]> second : old) {
      byte[] kept = CreationTimes.after(second.value, windowStart);
      forgotten += CreationTimes.count(second.value) - CreationTimes.count(kept);
      if (kept == null) {
        orders.delete(second.key);
      } else if (kept.length != second.value.length) {
        orders.put(second.key, kept);
      }
    }
    return forgotten;
  }

  /**
   * The kitchen-orders key of the second holding {@code createdAtMs}: the restaurant, then the
   * second's start in ms (fixed width, so that bytewise order is time order). Restaurant ids never
   * hold {@code |} ({@code InputLimits}).
   */
  static String bucketKey(String restaurant, long createdAtMs) {
    String digits = Long.toString(Math.floorDiv(createdAtMs, BUCKET_MS) * BUCKET_MS);
    return restaurant + SEPARATOR + "0".repeat(19 - digits.length()) + digits;
  }

  private void forward(String restaurant, Notification notification, long timestamp) {
    (notification.type() == NotificationType.KITCHEN_OK
            ? counters.kitchenOk
            : counters.kitchenOverloaded)
        .incrementAndGet();
    context.forward(new Record<>(restaurant, notification, timestamp));
  }

  private Notification overloaded(
      String restaurant,
      String order,
      long count,
      long capacity,
      Instant eventAt,
      Instant notifiedAt) {
    return kitchen(
        NotificationType.KITCHEN_OVERLOADED,
        NotificationIds.kitchenOverloaded(restaurant, order),
        restaurant,
        order,
        Messages.overloaded(count, capacity, windowWords),
        count,
        capacity,
        eventAt,
        notifiedAt);
  }

  private Notification ok(
      String restaurant,
      String overloadedBy,
      long count,
      long capacity,
      Instant eventAt,
      Instant notifiedAt) {
    return kitchen(
        NotificationType.KITCHEN_OK,
        NotificationIds.kitchenOk(restaurant, overloadedBy),
        restaurant,
        overloadedBy,
        Messages.ok(count, capacity, windowWords),
        count,
        capacity,
        eventAt,
        notifiedAt);
  }

  private static Notification kitchen(
      NotificationType type,
      String id,
      String restaurant,
      String order,
      String message,
      long count,
      long capacity,
      Instant eventAt,
      Instant notifiedAt) {
    return new Notification(
        id,
        type,
        null,
        restaurant,
        order,
        message,
        null,
        null,
        null,
        count,
        capacity,
        eventAt,
        notifiedAt);
  }
}
