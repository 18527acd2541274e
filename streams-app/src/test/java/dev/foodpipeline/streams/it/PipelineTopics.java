package dev.foodpipeline.streams.it;

import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.OrderItemKey;
import dev.foodpipeline.model.ProcessedItem;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.RejectedOrder;
import dev.foodpipeline.model.Restaurant;
import dev.foodpipeline.model.SourcePosition;
import dev.foodpipeline.model.catalog.RestaurantCatalog;
import dev.foodpipeline.model.json.Json;
import dev.foodpipeline.model.topics.Topic;
import dev.foodpipeline.model.topics.TopicCreator;
import dev.foodpipeline.model.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The pipeline's topics on a real broker: set up, feed, and read back committed output. */
final class PipelineTopics implements AutoCloseable {
  private final String bootstrapServers;
  private final Admin admin;

  PipelineTopics(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }

  void create() {
    new TopicCreator(admin, Duration.ofSeconds(30)).ensure(Topics.all(), (short) 1);
  }

  void publish(RestaurantCatalog catalog) {
    try (KafkaProducer<String, Restaurant> producer = producer(Topics.RESTAURANTS)) {
      catalog
          .restaurants()
          .forEach(
              r ->
                  producer.send(
                      new ProducerRecord<>(Topics.RESTAURANTS.name(), r.restaurantId(), r)));
    }
  }

  void publishRaw(String topic, String key, byte[] value) {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value));
    }
  }

  /** Sends the inputs to food-orders with an idempotent producer; returns where each landed. */
  List<SourcePosition> sendOrders(List<Map.Entry<String, byte[]>> inputs)
      throws ExecutionException, InterruptedException {
    List<SourcePosition> positions = new ArrayList<>();
    try (KafkaProducer<String, byte[]> producer = producer(Topics.FOOD_ORDERS)) {
      List<java.util.concurrent.Future<RecordMetadata>> sent = new ArrayList<>();
      for (Map.Entry<String, byte[]> input : inputs) {
        sent.add(
            producer.send(
                new ProducerRecord<>(Topics.FOOD_ORDERS.name(), input.getKey(), input.getValue())));
      }
      for (var future : sent) {
        RecordMetadata metadata = future.get();
        positions.add(
            new SourcePosition(metadata.topic(), metadata.partition(), metadata.offset()));
      }
    }
    return positions;
  }

  static byte[] json(Order order) {
    return Json.toBytes(order);
  }

  /**
   * True when the app's group has committed every non-empty food-orders partition up to its end.
   */
  boolean allInputCommitted(String applicationId) throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
    Map<TopicPartition, Long> ends = endOffsets(Topics.FOOD_ORDERS);
    return ends.entrySet().stream()
        .allMatch(
            end ->
                end.getValue() == 0
                    || committed.get(end.getKey()) != null
                        && committed.get(end.getKey()).offset() >= end.getValue());
  }

  /**
   * True when the app has processed everything so far: its group has committed every partition of
   * food-orders and of its repartition topics up to the end, and no transaction is open on the
   * broker (an instance's transaction that is still open, a killed one's say, hides records until
   * it is aborted, and its inputs are processed again).
   */
  boolean drained(String applicationId) throws ExecutionException, InterruptedException {
    var open =
        admin
            .listTransactions(
                new org.apache.kafka.clients.admin.ListTransactionsOptions()
                    .filterStates(
                        List.of(
                            org.apache.kafka.clients.admin.TransactionState.ONGOING,
                            org.apache.kafka.clients.admin.TransactionState.PREPARE_COMMIT,
                            org.apache.kafka.clients.admin.TransactionState.PREPARE_ABORT)))
            .all()
            .get();
    if (!open.isEmpty()) {
      return false;
    }
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
    List<String> inputs =
        List.of(
            Topics.FOOD_ORDERS.name(),
            applicationId
                + "-"
                + dev.foodpipeline.streams.topology.OrderTopology.ORDERS_BY_ID
                + "-repartition",
            applicationId
                + "-"
                + dev.foodpipeline.streams.topology.OrderTopology.STATS_BY_RESTAURANT
                + "-repartition");
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    for (String topic : inputs) {
      for (int p = 0; p < Topics.FOOD_ORDERS.partitions(); p++) {
        request.put(new TopicPartition(topic, p), OffsetSpec.latest());
      }
    }
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
        admin.listOffsets(request).all().get();
    return ends.entrySet().stream()
        .allMatch(
            end ->
                end.getValue().offset() == 0
                    || committed.get(end.getKey()) != null
                        && committed.get(end.getKey()).offset() >= end.getValue().offset());
  }

  /** Every committed record of a topic, read with isolation level read_committed. */
  <K, V> List<ConsumerRecord<K, V>> readCommitted(Topic<K, V> topic)
      throws ExecutionException, InterruptedException {
    Map<TopicPartition, Long> ends = endOffsets(topic);
    List<ConsumerRecord<K, V>> records = new ArrayList<>();
    try (KafkaConsumer<K, V> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                IsolationLevel.READ_COMMITTED.toString()),
            topic.keySerde().deserializer(),
            topic.valueSerde().deserializer())) {
      consumer.assign(ends.keySet());
      consumer.seekToBeginning(ends.keySet());
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (ends.entrySet().stream()
          .anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("Could not read " + topic + " to its end " + ends + " in 30 s");
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  List<ProcessedOrder> processed() throws ExecutionException, InterruptedException {
    return readCommitted(Topics.FOOD_ORDERS_PROCESSED).stream().map(ConsumerRecord::value).toList();
  }

  List<RejectedOrder> rejected() throws ExecutionException, InterruptedException {
    return readCommitted(Topics.FOOD_ORDERS_REJECTED).stream().map(ConsumerRecord::value).toList();
  }

  /** Every committed item record, keys included: a repeated item would show twice. */
  List<ConsumerRecord<OrderItemKey, ProcessedItem>> items()
      throws ExecutionException, InterruptedException {
    return readCommitted(Topics.FOOD_ORDER_ITEMS);
  }

  /** Read-committed end offsets (the last stable offsets) of a topic's partitions. */
  private Map<TopicPartition, Long> endOffsets(Topic<?, ?> topic)
      throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    for (int p = 0; p < topic.partitions(); p++) {
      request.put(new TopicPartition(topic.name(), p), OffsetSpec.latest());
    }
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result =
        admin
            .listOffsets(
                request,
                new org.apache.kafka.clients.admin.ListOffsetsOptions(
                    IsolationLevel.READ_COMMITTED))
            .all()
            .get();
    return result.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  private <K, V> KafkaProducer<K, V> producer(Topic<K, V> topic) {
    Serializer<K> keys = topic.keySerde().serializer();
    Serializer<V> values = topic.valueSerde().serializer();
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
            ProducerConfig.ACKS_CONFIG, "all"),
        keys,
        values);
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
