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
 */
final class KitchenLoad implements Processor<String, KitchenOrder, String, Notification> {
  static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

  private final KitchenSettings settings;
  private final Counters counters;
  private final String windowWords;
  private ProcessorContext<String, Notification> context;
  private KeyValueStore<String, KitchenState> store;

  KitchenLoad(KitchenSettings settings, Counters counters) {
    this.settings = settings;
    this.counters = counters;
    this.windowWords = Messages.window(settings.window());
  }

  @Override
  public void init(ProcessorContext<String, Notification> context) {
    this.context = context;
    this.store = context.getStateStore(NotificationTopology.KITCHEN_STORE);
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
    List<Long> orders = new ArrayList<>(state == null ? List.of() : state.createdAtMs());
    long windowStart = clock - settings.window().toMillis();
    if (order.createdAtMs() > windowStart) {
      int at = 0;
      while (at < orders.size() && orders.get(at) <= order.createdAtMs()) {
        at++;
      }
      orders.add(at, order.createdAtMs());
    }
    orders.removeIf(createdAt -> createdAt <= windowStart);
    String overloadedBy = state == null ? null : state.overloadedBy();
    Instant eventAt = Instant.ofEpochMilli(clock);
    Instant notifiedAt = Instant.ofEpochMilli(record.timestamp());
    if (overloadedBy == null && orders.size() > capacity) {
      overloadedBy = order.orderId();
      forward(
          restaurant,
          overloaded(restaurant, overloadedBy, orders.size(), capacity, eventAt, notifiedAt),
          record.timestamp());
    } else if (overloadedBy != null && orders.size() <= capacity) {
      forward(
          restaurant,
          ok(restaurant, overloadedBy, orders.size(), capacity, eventAt, notifiedAt),
          record.timestamp());
      overloadedBy = null;
    }
    store.put(restaurant, new KitchenState(orders, clock, capacity, overloadedBy));
  }

  /** The wall-clock check: moves every clock to {@code now} at least, ends finished overloads. */
  void check(long now) {
    List<KeyValue<String, KitchenState>> updates = new ArrayList<>();
    try (KeyValueIterator<String, KitchenState> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, KitchenState> entry = all.next();
        KitchenState state = entry.value;
        long clock = Math.max(state.clockMs(), now);
        long windowStart = clock - settings.window().toMillis();
        List<Long> orders = new ArrayList<>(state.createdAtMs());
        orders.removeIf(createdAt -> createdAt <= windowStart);
        String overloadedBy = state.overloadedBy();
        if (overloadedBy != null && orders.size() <= state.capacity()) {
          Instant at = Instant.ofEpochMilli(clock);
          forward(
              entry.key,
              ok(
                  entry.key,
                  overloadedBy,
                  orders.size(),
                  state.capacity(),
                  at,
                  Instant.ofEpochMilli(now)),
              now);
          overloadedBy = null;
        }
        if (orders.size() != state.createdAtMs().size()
            || !Objects.equals(overloadedBy, state.overloadedBy())) {
          updates.add(
              KeyValue.pair(
                  entry.key,
                  orders.isEmpty() && overloadedBy == null
                      ? null
                      : new KitchenState(orders, state.clockMs(), state.capacity(), overloadedBy)));
        }
      }
    }
    updates.forEach(update -> store.put(update.key, update.value));
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
