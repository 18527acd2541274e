package dev.foodpipeline.model.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the pipeline's topics idempotently: missing topics are created, existing ones are left
 * alone and checked for their partition count.
 */
public final class TopicCreator {
  private static final Logger log = LoggerFactory.getLogger(TopicCreator.class);

  private static final long METADATA_RETRY_BACKOFF_MS = 100;

  private final Admin admin;
  private final Duration timeout;

  public TopicCreator(Admin admin, Duration timeout) {
    this.admin = admin;
    this.timeout = timeout;
  }

  /** What happened to one topic. */
  public record Outcome(String topic, boolean created, int partitions) {}

  /**
   * Creates every topic that does not exist yet.
   *
   * @throws TopicSetupException when the broker cannot be reached in time, or an existing topic has
   *     a different partition count than the registry says
   */
  public List<Outcome> ensure(Collection<Topic<?, ?>> topics, short replicationFactor) {
    return ensure(topics, Durability.withReplicationFactor(replicationFactor));
  }

  /**
   * Creates every topic that does not exist yet, with this durability (replication factor and
   * {@code min.insync.replicas}); existing topics are left as they are.
   *
   * @throws TopicSetupException as {@link #ensure(Collection, short)}
   */
  public List<Outcome> ensure(Collection<Topic<?, ?>> topics, Durability durability) {
    try {
      Set<String> existing =
          admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      List<Outcome> outcomes = new ArrayList<>();
      for (Topic<?, ?> topic : topics) {
        if (!existing.contains(topic.name())) {
          outcomes.add(create(topic, durability));
        }
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      for (Topic<?, ?> topic : topics) {
        int partitions = partitionsOf(topic.name(), deadline);
        if (partitions != topic.partitions()) {
          throw new TopicSetupException(
              "Topic "
                  + topic.name()
                  + " has "
                  + partitions
                  + " partitions, expected "
                  + topic.partitions());
        }
        if (existing.contains(topic.name())) {
          outcomes.add(new Outcome(topic.name(), false, partitions));
        }
      }
      return outcomes;
    } catch (TimeoutException e) {
      throw new TopicSetupException(
          "Timed out after " + timeout.toSeconds() + " s waiting for the Kafka broker", e);
    } catch (ExecutionException e) {
      throw new TopicSetupException(
          "Could not set up topics: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TopicSetupException("Interrupted while setting up topics", e);
    }
  }

  /**
   * The partition count of a topic. A topic created a moment ago may not be in the metadata the
   * broker answers from yet ("This server does not host this topic-partition"): ask again, briefly,
   * until the deadline.
   */
  private int partitionsOf(String name, long deadline)
      throws InterruptedException, ExecutionException, TimeoutException {
    while (true) {
      long remainingMs = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
      KafkaFuture<TopicDescription> description =
          admin.describeTopics(List.of(name)).topicNameValues().get(name);
      try {
        return description.get(remainingMs, TimeUnit.MILLISECONDS).partitions().size();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
            || System.nanoTime() - deadline >= 0) {
          throw e;
        }
        log.debug("Topic {} is not in the broker's metadata yet; asking again", name);
        Thread.sleep(METADATA_RETRY_BACKOFF_MS);
      }
    }
  }

  private Outcome create(Topic<?, ?> topic, Durability durability)
      throws InterruptedException, ExecutionException, TimeoutException {
    try {
      admin
          .createTopics(List.of(topic.newTopic(durability)))
          .all()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      log.info(
          "Created topic {} with {} partitions, {}", topic.name(), topic.partitions(), durability);
      return new Outcome(topic.name(), true, topic.partitions());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TopicExistsException) {
        // Someone else created it between our listing and our request: that is fine.
        return new Outcome(topic.name(), false, topic.partitions());
      }
      throw e;
    }
  }

  /** Topics could not be set up; the message says why in one line. */
  public static final class TopicSetupException extends RuntimeException {
    public TopicSetupException(String message) {
      super(message);
    }

    public TopicSetupException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
