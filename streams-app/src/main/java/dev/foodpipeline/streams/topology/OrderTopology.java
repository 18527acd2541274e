package dev.foodpipeline.streams.topology;

import dev.foodpipeline.model.OrderItemKey;
import dev.foodpipeline.model.OrderKey;
import dev.foodpipeline.model.ProcessedItem;
import dev.foodpipeline.model.RejectionKey;
import dev.foodpipeline.model.Restaurant;
import dev.foodpipeline.model.topics.Topic;
import dev.foodpipeline.model.topics.Topics;
import java.util.List;
import java.util.Map;
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
import org.apache.kafka.streams.state.Stores;

/**
 * The order pipeline as a Kafka Streams topology: a pure function of {@link TopologySettings}
 * (nothing here starts a thread or opens a socket).
 *
 * <pre>
 * restaurants ─► restaurants-table-source ─► restaurants-table ─► restaurants-store (in memory, GlobalKTable)
 *                                                                     │ lookup by restaurantId
 * food-orders ─► food-orders-source ─► read-order ─► read- ─┬─ read-ok ─► as-input-order ─► join-restaurant ─► evaluate-order
 *                (String / byte[])     (position,           │                                                      │
 *                                       OrderReader)        │                                   outcome- ◄─────────┘
 *                                                           │                 ┌─ outcome-accepted ─► as-accepted ─┬─► key-processed-order ─► food-orders-processed
 *                                                           │                 │                                   └─► key-order-items ─────► food-order-items
 *                                                           │                 └─ outcome-rejected ─► as-rule-rejection ─┐
 *                                                           └─ read-rejected ─► as-read-rejection ──────────────────────┴─► merge-rejections
 *                                                                                          ─► key-rejected-order ─► food-orders-rejected
 * </pre>
 *
 * Every input record leaves as exactly one processed order (plus its items) or one rejection. The
 * restaurants store is in memory (a few dozen entries, rebuilt from the compacted topic at start),
 * so the app needs no RocksDB.
 * Every node has a fixed name so that {@code describe()} and internal names stay stable.
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
  public static final String KEY_PROCESSED_ORDER = "key-processed-order";
  public static final String KEY_ORDER_ITEMS = "key-order-items";
  public static final String KEY_REJECTED_ORDER = "key-rejected-order";
  public static final String SINK_SUFFIX = "-sink";

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
            Consumed.with(Topics.RESTAURANTS.keySerde(), LenientSerde.of(Topics.RESTAURANTS.valueSerde()))
                .withName(RESTAURANTS_TABLE),
            Materialized.<String, Restaurant>as(Stores.inMemoryKeyValueStore(RESTAURANTS_STORE)));

    OrderIntake intake = new OrderIntake(settings);
    OrderEvaluation evaluation = new OrderEvaluation(settings);

    Map<String, KStream<String, ReadResult>> read =
        builder.stream(Topics.FOOD_ORDERS.name(), consumed(Topics.FOOD_ORDERS, ORDERS_SOURCE))
            .processValues(() -> new ReadOrderProcessor(intake), Named.as(READ_ORDER))
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
            .branch((orderId, outcome) -> outcome instanceof Accepted, Branched.as(OUTCOME_ACCEPTED))
            .defaultBranch(Branched.as(OUTCOME_REJECTED));

    KStream<String, Accepted> accepted =
        outcomes.get(OUTCOME_BRANCH_PREFIX + OUTCOME_ACCEPTED)
            .mapValues(outcome -> (Accepted) outcome, Named.as("as-accepted"));
    accepted
        .map(
            (orderId, order) -> KeyValue.pair(new OrderKey(order.order().orderId()), order.order()),
            Named.as(KEY_PROCESSED_ORDER))
        .to(Topics.FOOD_ORDERS_PROCESSED.name(), produced(Topics.FOOD_ORDERS_PROCESSED));
    accepted
        .flatMap((orderId, order) -> itemRecords(order.items()), Named.as(KEY_ORDER_ITEMS))
        .to(Topics.FOOD_ORDER_ITEMS.name(), produced(Topics.FOOD_ORDER_ITEMS));

    KStream<String, Rejected> unreadable =
        read.get(READ_BRANCH_PREFIX + READ_REJECTED)
            .mapValues(result -> (Rejected) result, Named.as("as-read-rejection"));
    KStream<String, Rejected> refused =
        outcomes.get(OUTCOME_BRANCH_PREFIX + OUTCOME_REJECTED)
            .mapValues(outcome -> (Rejected) outcome, Named.as("as-rule-rejection"));
    unreadable
        .merge(refused, Named.as(MERGE_REJECTIONS))
        .map(
            (orderId, rejected) -> KeyValue.pair(RejectionKey.of(rejected.rejection()), rejected.rejection()),
            Named.as(KEY_REJECTED_ORDER))
        .to(Topics.FOOD_ORDERS_REJECTED.name(), produced(Topics.FOOD_ORDERS_REJECTED));
  }

  private static List<KeyValue<OrderItemKey, ProcessedItem>> itemRecords(List<ProcessedItem> items) {
    return items.stream()
        .map(item -> KeyValue.pair(new OrderItemKey(item.orderId(), item.lineNo()), item))
        .toList();
  }

  private static <K, V> Consumed<K, V> consumed(Topic<K, V> topic, String name) {
    return Consumed.with(topic.keySerde(), topic.valueSerde()).withName(name);
  }

  private static <K, V> Produced<K, V> produced(Topic<K, V> topic) {
    return Produced.with(topic.keySerde(), topic.valueSerde()).withName(topic.name() + SINK_SUFFIX);
  }
}
