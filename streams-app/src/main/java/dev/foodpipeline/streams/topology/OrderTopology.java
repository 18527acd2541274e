package dev.foodpipeline.streams.topology;

import dev.foodpipeline.model.OrderItemKey;
import dev.foodpipeline.model.OrderKey;
import dev.foodpipeline.model.ProcessedItem;
import dev.foodpipeline.model.RejectedOrder;
import dev.foodpipeline.model.RejectionKey;
import dev.foodpipeline.model.Restaurant;
import dev.foodpipeline.model.RestaurantStats;
import dev.foodpipeline.model.RestaurantStatsKey;
import dev.foodpipeline.model.SourcePosition;
import dev.foodpipeline.model.topics.Topic;
import dev.foodpipeline.model.topics.Topics;
import dev.foodpipeline.shell.streams.CommitPacer;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The order pipeline as a Kafka Streams topology: a pure function of {@link TopologySettings}
 * (nothing here starts a thread or opens a socket). Two sub-topologies, plus the global table:
 *
 * <pre>
 * restaurants ─► restaurants-table-source ─► restaurants-table ─► restaurants-store (in memory, GlobalKTable)
 *                                                                     │ lookup by restaurantId
 * 1: food-orders ─► read-order ─► read- ─┬─ read-ok ─► as-input-order ─► join-restaurant ─► evaluate-order ─► outcome- ─┐
 *    (String/bytes)  (position,          │                                                                              │
 *                     OrderReader)       │          ┌── outcome-rejected ─► as-rule-rejection ─┐   outcome-accepted ◄──┘
 *                                        └─ read-rejected ─► as-read-rejection ───────────────┴─► merge-rejections     │
 *                                                     ─► key-rejected-order ─► food-orders-rejected          as-accepted │
 *                                                                                               placed- ◄──────────────┘
 *          placed-home (read from the partition of its id) ◄─────────────────────────────────────┤
 *                │                        placed-elsewhere ─► key-by-order-id ─► [orders-by-id repartition]
 *                ▼                                                                     │
 *    merge-placed ◄── orders-by-id-repartition-source (the same task's partition) ◄────┘
 *      ─► deduplicate-order (store order-ids) ─► dedup- ─┬─ dedup-first ─► as-first-order ─┬─► key-processed-order ─► food-orders-processed
 *                                                        │                                 ├─► key-order-items ─────► food-order-items
 *                                                        │                                 └─► stats-time ─► [stats-by-restaurant repartition]
 *                                                        └─ dedup-duplicate ─► as-duplicate-rejection ─► key-duplicate-rejection ─► food-orders-rejected
 * 2: stats-by-restaurant ─► stats-late-guard ─► stats-aggregate (1-minute tumbling windows, store restaurant-stats-store)
 *                        ─► stats-until-window-closes (suppress) ─► stats-closed-windows ─► key-restaurant-stats ─► restaurant-stats
 * </pre>
 *
 * Every input record leaves as exactly one processed order (plus its items) or one rejection; every
 * first accepted order of an id also counts in its restaurant's window (unless it is later than the
 * grace period). Duplicates meet in one store whatever key their producer gave them: an accepted
 * order read from another partition than its id's goes through the {@code orders-by-id} repartition
 * topic to the task of its id's partition, which reads that topic in the same sub-topology; the
 * stats are repartitioned by restaurant. Every node, repartition topic and store has a fixed name
 * so that {@code describe()} and the internal topic names stay stable.
 */
public final class OrderTopology {
  /** Names the global table's processor; its source node is this plus "-source". */
  public static final String RESTAURANTS_TABLE = "restaurants-table";

  public static final String RESTAURANTS_STORE = "restaurants-store";
  public static final String ORDERS_SOURCE = "food-orders-source";
  public static final String READ_ORDER = "read-order";
  public static final String READ_BRANCH_PREFIX = "read-";
  public static final String READ_OK = "ok";
  public static final String READ_REJECTED = "rejected";
  public static final String JOIN_RESTAURANT = "join-restaurant";
  public static final String EVALUATE_ORDER = "evaluate-order";
  public static final String OUTCOME_BRANCH_PREFIX = "outcome-";
  public static final String OUTCOME_ACCEPTED = "accepted";
  public static final String OUTCOME_REJECTED = "rejected";
  public static final String MERGE_REJECTIONS = "merge-rejections";
  public static final String PLACE_BRANCH_PREFIX = "placed-";
  public static final String PLACE_HOME = "home";
  public static final String PLACE_ELSEWHERE = "elsewhere";
  public static final String KEY_BY_ORDER_ID = "key-by-order-id";
  public static final String MERGE_PLACED = "merge-placed";

  /** The repartition topic is {@code <application id>-orders-by-id-repartition}. */
  public static final String ORDERS_BY_ID = "orders-by-id";

  public static final String DEDUPLICATE_ORDER = "deduplicate-order";

  /**
   * The window store of accepted order ids; its changelog is {@code <application
   * id>-order-ids-changelog}.
   */
  public static final String ORDER_IDS_STORE = "order-ids";

  public static final String DEDUP_BRANCH_PREFIX = "dedup-";
  public static final String DEDUP_FIRST = "first";
  public static final String DEDUP_DUPLICATE = "duplicate";
  public static final String KEY_PROCESSED_ORDER = "key-processed-order";
  public static final String KEY_ORDER_ITEMS = "key-order-items";
  public static final String KEY_REJECTED_ORDER = "key-rejected-order";
  public static final String KEY_DUPLICATE_REJECTION = "key-duplicate-rejection";
  public static final String STATS_TIME = "stats-time";

  /** The repartition topic is {@code <application id>-stats-by-restaurant-repartition}. */
  public static final String STATS_BY_RESTAURANT = "stats-by-restaurant";

  public static final String STATS_LATE_GUARD = "stats-late-guard";
  public static final String STATS_AGGREGATE = "stats-aggregate";

  /** The window store of the per-restaurant windows, queried by {@code /restaurants/{id}/stats}. */
  public static final String RESTAURANT_STATS_STORE = "restaurant-stats-store";

  public static final String STATS_FINAL = "stats-until-window-closes";
  public static final String KEY_RESTAURANT_STATS = "key-restaurant-stats";
  public static final String SINK_SUFFIX = "-sink";

  /** The second sink into food-orders-rejected, in the sub-topology that finds duplicates. */
  public static final String DUPLICATES_SINK =
      Topics.FOOD_ORDERS_REJECTED.name() + "-duplicates" + SINK_SUFFIX;

  private OrderTopology() {}

  /** The topology for these settings. */
  public static Topology build(TopologySettings settings) {
    StreamsBuilder builder = new StreamsBuilder();
    build(builder, settings);
    return builder.build();
  }

  /** Adds the order pipeline to {@code builder}. */
  public static void build(StreamsBuilder builder, TopologySettings settings) {
    GlobalKTable<String, Restaurant> restaurants =
        builder.globalTable(
            Topics.RESTAURANTS.name(),
            Consumed.with(
                    Topics.RESTAURANTS.keySerde(),
                    LenientSerde.of(DecodeOnceSerde.of(Topics.RESTAURANTS.valueSerde())))
                .withName(RESTAURANTS_TABLE),
            Materialized.<String, Restaurant>as(Stores.inMemoryKeyValueStore(RESTAURANTS_STORE)));

    OrderIntake intake = new OrderIntake(settings);
    CommitPacer pacer = new CommitPacer(settings.commitAfterRecords());
    OrderEvaluation evaluation = new OrderEvaluation(settings);

    Map<String, KStream<String, ReadResult>> read =
        builder.stream(Topics.FOOD_ORDERS.name(), consumed(Topics.FOOD_ORDERS, ORDERS_SOURCE))
            .processValues(() -> new ReadOrderProcessor(intake, pacer), Named.as(READ_ORDER))
            .split(Named.as(READ_BRANCH_PREFIX))
            .branch((orderId, result) -> result instanceof InputOrder, Branched.as(READ_OK))
            .defaultBranch(Branched.as(READ_REJECTED));

    Map<String, KStream<String, OrderOutcome>> outcomes =
        read.get(READ_BRANCH_PREFIX + READ_OK)
            .mapValues(result -> (InputOrder) result, Named.as("as-input-order"))
            .leftJoin(
                restaurants,
                (orderId, input) -> input.order().restaurantId(),
                OrderWithRestaurant::new,
                Named.as(JOIN_RESTAURANT))
            .mapValues(evaluation::evaluate, Named.as(EVALUATE_ORDER))
            .split(Named.as(OUTCOME_BRANCH_PREFIX))
            .branch(
                (orderId, outcome) -> outcome instanceof Accepted, Branched.as(OUTCOME_ACCEPTED))
            .defaultBranch(Branched.as(OUTCOME_REJECTED));

    KStream<String, Rejected> unreadable =
        read.get(READ_BRANCH_PREFIX + READ_REJECTED)
            .mapValues(result -> (Rejected) result, Named.as("as-read-rejection"));
    KStream<String, Rejected> refused =
        outcomes
            .get(OUTCOME_BRANCH_PREFIX + OUTCOME_REJECTED)
            .mapValues(outcome -> (Rejected) outcome, Named.as("as-rule-rejection"));
    unreadable
        .merge(refused, Named.as(MERGE_REJECTIONS))
        .map(OrderTopology::rejectionRecord, Named.as(KEY_REJECTED_ORDER))
        .to(Topics.FOOD_ORDERS_REJECTED.name(), produced(Topics.FOOD_ORDERS_REJECTED));

    Map<String, KStream<String, OrderOutcome>> deduplicated =
        deduplicate(builder, settings, outcomes.get(OUTCOME_BRANCH_PREFIX + OUTCOME_ACCEPTED));

    KStream<String, Accepted> first =
        deduplicated
            .get(DEDUP_BRANCH_PREFIX + DEDUP_FIRST)
            .mapValues(outcome -> (Accepted) outcome, Named.as("as-first-order"));
    first
        .map(
            (orderId, order) -> KeyValue.pair(new OrderKey(order.order().orderId()), order.order()),
            Named.as(KEY_PROCESSED_ORDER))
        .to(Topics.FOOD_ORDERS_PROCESSED.name(), produced(Topics.FOOD_ORDERS_PROCESSED));
    first
        .flatMap((orderId, order) -> itemRecords(order.items()), Named.as(KEY_ORDER_ITEMS))
        .to(Topics.FOOD_ORDER_ITEMS.name(), produced(Topics.FOOD_ORDER_ITEMS));
    deduplicated
        .get(DEDUP_BRANCH_PREFIX + DEDUP_DUPLICATE)
        .mapValues(outcome -> (Rejected) outcome, Named.as("as-duplicate-rejection"))
        .map(OrderTopology::rejectionRecord, Named.as(KEY_DUPLICATE_REJECTION))
        .to(
            Topics.FOOD_ORDERS_REJECTED.name(),
            produced(Topics.FOOD_ORDERS_REJECTED, DUPLICATES_SINK));

    restaurantStats(settings, first);
  }

  /**
   * Accepted orders split into the first of each order id and duplicates, in one store per
   * partition of order ids. An order read from the partition its id belongs to (the partition
   * Kafka's default partitioner gives the id, as the generator's key is the order id) is checked
   * right where it was read; any other (a producer's key need not be the order id, nor its
   * partitioner Kafka's) is re-keyed by its id and goes through the {@value #ORDERS_BY_ID}
   * repartition topic to that partition's task. Both paths end in the same processor of the same
   * task, so every order of one id meets the same store, and the common case costs no extra topic,
   * transaction or serialisation.
   */
  private static Map<String, KStream<String, OrderOutcome>> deduplicate(
      StreamsBuilder builder, TopologySettings settings, KStream<String, OrderOutcome> accepted) {
    builder.addStateStore(
        Stores.windowStoreBuilder(
            Stores.persistentWindowStore(
                ORDER_IDS_STORE, settings.dedupRetention(), settings.dedupRetention(), false),
            Serdes.String(),
            InternalSerdes.POSITION));
    Map<String, KStream<String, Accepted>> placed =
        accepted
            .mapValues(outcome -> (Accepted) outcome, Named.as("as-accepted"))
            .split(Named.as(PLACE_BRANCH_PREFIX))
            .branch(
                (key, order) -> isHome(order.source(), order.order().orderId()),
                Branched.as(PLACE_HOME))
            .defaultBranch(Branched.as(PLACE_ELSEWHERE));
    KStream<String, Accepted> moved =
        placed
            .get(PLACE_BRANCH_PREFIX + PLACE_ELSEWHERE)
            .selectKey((key, order) -> order.order().orderId(), Named.as(KEY_BY_ORDER_ID))
            .repartition(
                Repartitioned.<String, Accepted>as(ORDERS_BY_ID)
                    .withKeySerde(Serdes.String())
                    .withValueSerde(InternalSerdes.ACCEPTED)
                    .withNumberOfPartitions(Topics.FOOD_ORDERS.partitions()));
    return placed
        .get(PLACE_BRANCH_PREFIX + PLACE_HOME)
        .merge(moved, Named.as(MERGE_PLACED))
        .processValues(
            () -> new OrderDeduplicator(settings), Named.as(DEDUPLICATE_ORDER), ORDER_IDS_STORE)
        .split(Named.as(DEDUP_BRANCH_PREFIX))
        .branch((orderId, outcome) -> outcome instanceof Accepted, Branched.as(DEDUP_FIRST))
        .defaultBranch(Branched.as(DEDUP_DUPLICATE));
  }

  /**
   * Whether the order was read from the partition of {@code food-orders} that its id belongs to,
   * which is the partition of {@value #ORDERS_BY_ID} the id would be sent to (same partition count,
   * same partitioner, same key bytes): then this task is the one that holds its id.
   */
  static boolean isHome(SourcePosition source, String orderId) {
    return source.partition() == Topics.FOOD_ORDERS.partitionOf(orderId);
  }

  /**
   * Per restaurant, tumbling windows (in order time, see {@link StatsTime}) of the count and
   * revenue of its accepted orders; the final result of each window, once its grace period has
   * passed, to {@code restaurant-stats}. The windows stay queryable in {@value
   * #RESTAURANT_STATS_STORE}.
   */
  private static void restaurantStats(
      TopologySettings settings, KStream<String, Accepted> accepted) {
    accepted
        .process(StatsTime::new, Named.as(STATS_TIME))
        .repartition(
            Repartitioned.<String, OrderRevenue>as(STATS_BY_RESTAURANT)
                .withKeySerde(Serdes.String())
                .withValueSerde(InternalSerdes.ORDER_REVENUE))
        .processValues(
            () -> new LateOrderGuard(settings.statsWindow(), settings.statsGrace()),
            Named.as(STATS_LATE_GUARD))
        .groupByKey(Grouped.with(Serdes.String(), InternalSerdes.ORDER_REVENUE))
        .windowedBy(TimeWindows.ofSizeAndGrace(settings.statsWindow(), settings.statsGrace()))
        .aggregate(
            WindowTotals::empty,
            (restaurantId, order, totals) -> totals.add(order.total()),
            Named.as(STATS_AGGREGATE),
            Materialized.<String, WindowTotals, WindowStore<Bytes, byte[]>>as(
                    RESTAURANT_STATS_STORE)
                .withKeySerde(Serdes.String())
                .withValueSerde(InternalSerdes.WINDOW_TOTALS)
                .withRetention(settings.statsRetention()))
        .suppress(
            Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()).withName(STATS_FINAL))
        .toStream(Named.as("stats-closed-windows"))
        .map(OrderTopology::statsRecord, Named.as(KEY_RESTAURANT_STATS))
        .to(Topics.RESTAURANT_STATS.name(), produced(Topics.RESTAURANT_STATS));
  }

  private static KeyValue<RejectionKey, RejectedOrder> rejectionRecord(
      String key, Rejected rejected) {
    return KeyValue.pair(RejectionKey.of(rejected.rejection()), rejected.rejection());
  }

  static KeyValue<RestaurantStatsKey, RestaurantStats> statsRecord(
      Windowed<String> window, WindowTotals totals) {
    RestaurantStats stats =
        new RestaurantStats(
            window.key(),
            window.window().startTime(),
            window.window().endTime(),
            totals.orderCount(),
            totals.revenue());
    return KeyValue.pair(RestaurantStatsKey.of(stats), stats);
  }

  private static List<KeyValue<OrderItemKey, ProcessedItem>> itemRecords(
      List<ProcessedItem> items) {
    return items.stream()
        .map(item -> KeyValue.pair(new OrderItemKey(item.orderId(), item.lineNo()), item))
        .toList();
  }

  private static <K, V> Consumed<K, V> consumed(Topic<K, V> topic, String name) {
    return Consumed.with(topic.keySerde(), topic.valueSerde()).withName(name);
  }

  private static <K, V> Produced<K, V> produced(Topic<K, V> topic) {
    return produced(topic, topic.name() + SINK_SUFFIX);
  }

  private static <K, V> Produced<K, V> produced(Topic<K, V> topic, String name) {
    return Produced.with(topic.keySerde(), topic.valueSerde()).withName(name);
  }
}
