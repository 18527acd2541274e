package dev.foodpipeline.dashboard.collect;

import dev.foodpipeline.model.topics.Topic;
import dev.foodpipeline.model.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Topic end offsets and consumer group lags through one {@link Admin} client: the pipeline's topics
 * (the registry of order-model) and every consumer group (the Streams app, the notification
 * service, Connect's {@code connect-*} sink groups).
 */
public final class KafkaCollector implements AutoCloseable {
  private final Admin admin;
  private final Duration timeout;
  private final LongSupplier nanoTime;
  private Map<String, Long> previousEnds = Map.of();
  private long previousAt;

  public KafkaCollector(String bootstrapServers, Duration timeout) {
    this(
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "dashboard",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) timeout.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) timeout.toMillis())),
        timeout,
        System::nanoTime);
  }

  KafkaCollector(Admin admin, Duration timeout, LongSupplier nanoTime) {
    this.admin = admin;
    this.timeout = timeout;
    this.nanoTime = nanoTime;
  }

  public KafkaView collect() throws InterruptedException, ExecutionException, TimeoutException {
    List<String> names = Topics.all().stream().map(Topic::name).toList();
    Set<String> existing = admin.listTopics().names().get(seconds(), TimeUnit.SECONDS);
    List<String> present = names.stream().filter(existing::contains).toList();
    Map<String, TopicDescription> described =
        admin.describeTopics(present).allTopicNames().get(seconds(), TimeUnit.SECONDS);
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    described
        .values()
        .forEach(
            topic ->
                topic
                    .partitions()
                    .forEach(
                        p ->
                            request.put(
                                new TopicPartition(topic.name(), p.partition()),
                                OffsetSpec.latest())));
    Map<TopicPartition, ListOffsetsResultInfo> ends =
        admin.listOffsets(request).all().get(seconds(), TimeUnit.SECONDS);
    long now = nanoTime.getAsLong();
    Map<String, Long> endByTopic = new TreeMap<>();
    ends.forEach(
        (partition, info) -> endByTopic.merge(partition.topic(), info.offset(), Long::sum));
    List<KafkaView.TopicRate> topics = new ArrayList<>();
    for (String name : present) {
      long end = endByTopic.getOrDefault(name, 0L);
      Long before = previousEnds.get(name);
      double perSecond =
          before == null || now == previousAt
              ? 0
              : Math.max(0, end - before) * 1e9 / (now - previousAt);
      topics.add(
          new KafkaView.TopicRate(name, described.get(name).partitions().size(), end, perSecond));
    }
    previousEnds = endByTopic;
    previousAt = now;
    return new KafkaView(topics, lags(ends));
  }

  private List<KafkaView.GroupLag> lags(Map<TopicPartition, ListOffsetsResultInfo> ends)
      throws InterruptedException, ExecutionException, TimeoutException {
    List<KafkaView.GroupLag> lags = new ArrayList<>();
    for (ConsumerGroupListing group :
        admin.listConsumerGroups().all().get(seconds(), TimeUnit.SECONDS)) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(group.groupId())
              .partitionsToOffsetAndMetadata()
              .get(seconds(), TimeUnit.SECONDS);
      Map<String, Long> byTopic = new TreeMap<>();
      committed.forEach(
          (partition, offset) -> {
            ListOffsetsResultInfo end = ends.get(partition);
            if (end != null && offset != null) {
              byTopic.merge(
                  partition.topic(), Math.max(0, end.offset() - offset.offset()), Long::sum);
            }
          });
      byTopic.forEach(
          (topic, lag) -> lags.add(new KafkaView.GroupLag(group.groupId(), topic, lag)));
    }
    lags.sort(
        Comparator.comparing(KafkaView.GroupLag::group).thenComparing(KafkaView.GroupLag::topic));
    return lags;
  }

  private long seconds() {
    return Math.max(1, timeout.toSeconds());
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
