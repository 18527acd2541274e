package dev.foodpipeline.generator.producer;

import dev.foodpipeline.model.topics.Durability;
import dev.foodpipeline.model.topics.Topic;
import dev.foodpipeline.model.topics.TopicCreator;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The cluster operations the generator needs before it writes. */
public interface ClusterAdmin extends AutoCloseable {

  /**
   * Asks the cluster for its id, waiting at most the settings' timeout.
   *
   * @throws KafkaUnreachableException when it does not answer in time
   */
  void ensureReachable();

  /** How many brokers the cluster has now. */
  int brokerCount();

  /**
   * Creates the topics that do not exist yet (idempotent), with this durability; says which were
   * created.
   */
  List<TopicCreator.Outcome> ensureTopics(Collection<Topic<?, ?>> topics, Durability durability);

  /** The names among {@code topics} that the cluster does not have. */
  Set<String> missingTopics(Collection<Topic<?, ?>> topics);

  @Override
  void close();
}
