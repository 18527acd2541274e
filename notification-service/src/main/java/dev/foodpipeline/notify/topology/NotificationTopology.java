package dev.foodpipeline.notify.topology;

import dev.foodpipeline.model.Notification;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.RejectionKey;
import dev.foodpipeline.model.Restaurant;
import dev.foodpipeline.model.json.JsonSerde;
import dev.foodpipeline.model.topics.Topics;
import dev.foodpipeline.shell.streams.CommitPacer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notification service's topology, a pure function of its settings (no thread, no socket):
 *
 * <pre>
 * restaurants ─► restaurants-store (GlobalKTable, in memory) ─────────────────────────────┐ prepMinutes
 *                                                                                          ▼
 * food-orders-processed ─► read-processed ─┬─ readable ─┬─► confirm-order ───────────────────────────┐
 *   (bytes)                (never throws)   │            └─► key-by-restaurant ─► [kitchen-by-restaurant]
 *                                           │                 ─► join-restaurant ─► kitchen-load ───┤
 *                                           │                    (store kitchen-load, wall-clock check)
 *                                           └─ unreadable ─► food-orders-rejected                    │
 * food-orders-rejected ─► tell-rejection (customer from RejectedCustomer, else skipped) ────────────┤
 *   (bytes)                                                                                         ▼
 *                                                          merge ─► order-notifications (key: recipient id)
 * </pre>
 *
 * Every notification id is made from what it reports (see {@link ConfirmOrder}, {@link
 * TellRejection}, {@link KitchenLoad}), and the app runs exactly-once: a replay writes nothing
 * twice to read_committed readers, and the sink's upsert on the id keeps one row each.
 */
public final class NotificationTopology {
  private static final Logger log = LoggerFactory.getLogger(NotificationTopology.class);

  public static final String RESTAURANTS_STORE = "restaurants-store";
  public static final String KITCHEN_STORE = "kitchen-load";

  /**
   * The creation times of a restaurant's orders in its window, by the second ({@link KitchenLoad}).
   */
  public static final String KITCHEN_ORDERS_STORE = "kitchen-orders";

  public static final String KITCHEN_BY_RESTAURANT = "kitchen-by-restaurant";

  private NotificationTopology() {}

  /**
   * @param commitAfterRecords a stream thread that has read this many processed orders and
   *     rejections asks for a commit sooner than the commit interval ({@link CommitPacer}); 0:
   *     never
   */
  public static Topology build(KitchenSettings kitchen, int commitAfterRecords, Counters counters) {
    StreamsBuilder builder = new StreamsBuilder();
    CommitPacer pacer = new CommitPacer(commitAfterRecords);
    GlobalKTable<String, Restaurant> restaurants =
        builder.globalTable(
            Topics.RESTAURANTS.name(),
            Consumed.with(Serdes.String(), lenient(Topics.RESTAURANTS.valueSerde()))
                .withName("read-restaurants"),
            Materialized.<String, Restaurant>as(Stores.inMemoryKeyValueStore(RESTAURANTS_STORE))
                .withKeySerde(Serdes.String())
                .withValueSerde(lenient(Topics.RESTAURANTS.valueSerde())));

    var read =
        builder.stream(
                Topics.FOOD_ORDERS_PROCESSED.name(),
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("source-processed"))
            .process(() -> new ReadProcessedOrder(counters, pacer), Named.as("read-processed"))
            .split(Named.as("processed-"))
            .branch(
                (key, input) -> input instanceof ProcessedInput.Readable, Branched.as("readable"))
            .defaultBranch(Branched.as("unreadable"));

    read.get("processed-unreadable")
        .map(
            (key, input) -> {
              var rejection = ((ProcessedInput.Unreadable) input).rejection();
              return KeyValue.pair(RejectionKey.of(rejection), rejection);
            },
            Named.as("rejection-of-unreadable"))
        .to(
            Topics.FOOD_ORDERS_REJECTED.name(),
            Produced.with(
                    Topics.FOOD_ORDERS_REJECTED.keySerde(),
                    Topics.FOOD_ORDERS_REJECTED.valueSerde())
                .withName("write-unreadable"));

    KStream<byte[], ProcessedOrder> orders =
        read.get("processed-readable")
            .mapValues(
                input -> ((ProcessedInput.Readable) input).order(), Named.as("processed-order"));

    KStream<String, Notification> confirmed =
        orders.process(() -> new ConfirmOrder(counters), Named.as("confirm-order"));

    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(KITCHEN_STORE),
            Serdes.String(),
            new JsonSerde<>(KitchenState.class)));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(KITCHEN_ORDERS_STORE),
            Serdes.String(),
            Serdes.ByteArray()));
    KStream<String, Notification> kitchenLoad =
        orders
            .map(
                (key, order) ->
                    KeyValue.pair(
                        order.restaurantId(),
                        new KitchenOrder(order.orderId(), order.createdAt().toEpochMilli(), null)),
                Named.as("key-by-restaurant"))
            .repartition(
                Repartitioned.<String, KitchenOrder>as(KITCHEN_BY_RESTAURANT)
                    .withKeySerde(Serdes.String())
                    .withValueSerde(new JsonSerde<>(KitchenOrder.class)))
            .leftJoin(
                restaurants,
                (restaurantId, order) -> restaurantId,
                (order, restaurant) ->
                    new KitchenOrder(
                        order.orderId(),
                        order.createdAtMs(),
                        restaurant == null ? null : restaurant.prepMinutes()),
                Named.as("join-restaurant"))
            .process(
                () -> new KitchenLoad(kitchen, counters),
                Named.as("kitchen-load"),
                KITCHEN_STORE,
                KITCHEN_ORDERS_STORE);

    KStream<String, Notification> rejected =
        builder.stream(
                Topics.FOOD_ORDERS_REJECTED.name(),
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("source-rejected"))
            .process(() -> new TellRejection(counters, pacer), Named.as("tell-rejection"));

    confirmed
        .merge(rejected, Named.as("merge-customer-notifications"))
        .merge(kitchenLoad, Named.as("merge-notifications"))
        .to(
            Topics.ORDER_NOTIFICATIONS.name(),
            Produced.with(
                    Topics.ORDER_NOTIFICATIONS.keySerde(), Topics.ORDER_NOTIFICATIONS.valueSerde())
                .withName("write-notifications"));
    return builder.build();
  }

  /** Bytes the serde cannot read become null (logged now and then): "no such restaurant". */
  static <T> Serde<T> lenient(Serde<T> strict) {
    Deserializer<T> inner = strict.deserializer();
    java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();
    return Serdes.serdeFrom(
        strict.serializer(),
        (topic, bytes) -> {
          try {
            return inner.deserialize(topic, bytes);
          } catch (RuntimeException e) {
            long count = failures.incrementAndGet();
            if (Long.bitCount(count) == 1) {
              log.warn(
                  "Cannot read a {} record, treating it as absent ({} so far): {}",
                  topic,
                  count,
                  e.toString());
            }
            return null;
          }
        });
  }
}
