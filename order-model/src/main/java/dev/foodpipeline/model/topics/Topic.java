package dev.foodpipeline.model.topics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Utils;

/**
 * A topic's name bound to its key and value serdes, partition count and configs: the one place each
 * of these is written.
 */
public record Topic<K, V>(
    String name,
    int partitions,
    Map<String, String> configs,
    Serde<K> keySerde,
    Serde<V> valueSerde) {

  public Topic {
    configs = Map.copyOf(configs);
  }

  /**
   * The admin request that creates this topic with its configs and the given durability (its
   * replication factor, and {@code min.insync.replicas} as a topic config).
   */
  public NewTopic newTopic(Durability durability) {
    Map<String, String> withDurability = new LinkedHashMap<>(configs);
    withDurability.put(
        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(durability.minInsyncReplicas()));
    return new NewTopic(name, Optional.of(partitions), Optional.of(durability.replicationFactor()))
        .configs(withDurability);
  }

  /**
   * The partition the Java producer's default partitioner gives this key: murmur2 of the serialised
   * key, modulo the partition count. (librdkafka clients agree only with {@code
   * partitioner=murmur2_random}.)
   */
  public int partitionOf(K key) {
    byte[] bytes = keySerde.serializer().serialize(name, key);
    return Utils.toPositive(Utils.murmur2(bytes)) % partitions;
  }

  @Override
  public String toString() {
    return name;
  }
}
