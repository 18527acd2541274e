package dev.foodpipeline.generator.producer;

import dev.foodpipeline.model.topics.Durability;
import dev.foodpipeline.model.topics.Topic;
import dev.foodpipeline.model.topics.TopicCreator;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * {@link ClusterAdmin} on a Kafka {@link Admin} client, every call bounded by the settings'
 * timeout.
 */
public final class KafkaClusterAdmin implements ClusterAdmin {
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(1);

  private final Admin admin;
  private final KafkaSettings settings;

  public KafkaClusterAdmin(Admin admin, KafkaSettings settings) {
    this.admin = admin;
    this.settings = settings;
  }

  @Override
  public void ensureReachable() {
    int timeoutMs = (int) settings.timeout().toMillis();
    await(
        admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs)).clusterId(),
        "describe the cluster");
  }

  @Override
  public int brokerCount() {
    int timeoutMs = (int) settings.timeout().toMillis();
    return await(
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs)).nodes(),
            "describe the cluster")
        .size();
  }

  @Override
  public List<TopicCreator.Outcome> ensureTopics(
      Collection<Topic<?, ?>> topics, Durability durability) {
    return new TopicCreator(admin, settings.timeout()).ensure(topics, durability);
  }

  @Override
  public Set<String> missingTopics(Collection<Topic<?, ?>> topics) {
    Set<String> existing = await(admin.listTopics().names(), "list topics");
    Set<String> missing = new TreeSet<>();
    topics.stream().map(Topic::name).filter(name -> !existing.contains(name)).forEach(missing::add);
    return missing;
  }

  private <T> T await(Future<T> future, String what) {
    try {
      // A little longer than the client's own timeout, so that its TimeoutException comes first.
      return future.get(settings.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw unreachable(e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
        throw unreachable(e.getCause());
      }
      throw new KafkaSetupException(
          "Kafka at "
              + settings.bootstrapServers()
              + " failed to "
              + what
              + ": "
              + e.getCause().getMessage(),
          e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaSetupException("Interrupted while waiting to " + what, e);
    }
  }

  private KafkaUnreachableException unreachable(Throwable cause) {
    return new KafkaUnreachableException(settings.bootstrapServers(), settings.timeout(), cause);
  }

  @Override
  public void close() {
    admin.close(CLOSE_TIMEOUT);
  }
}
