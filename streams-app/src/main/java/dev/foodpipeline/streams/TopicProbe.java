package dev.foodpipeline.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Which of the topics the app reads and writes do not exist yet. Kafka Streams would otherwise fail
 * on a missing source topic (and its threads would be replaced in a loop) or block on a missing
 * output topic: the run loop waits for them instead, saying which are missing.
 */
final class TopicProbe {
  private TopicProbe() {}

  /**
   * The topics of {@code required} that Kafka does not list, in their order.
   *
   * @throws IllegalStateException when Kafka cannot be asked within {@code timeout} (one-line
   *     message)
   */
  static List<String> missing(
      String bootstrapServers, Collection<String> required, Duration timeout) {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()))) {
      Set<String> existing =
          admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      List<String> missing = new ArrayList<>();
      for (String topic : required) {
        if (!existing.contains(topic)) {
          missing.add(topic);
        }
      }
      return missing;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalStateException(
          "cannot list the topics: "
              + cause.getClass().getSimpleName()
              + ": "
              + cause.getMessage());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "cannot list the topics: no answer within " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while listing the topics");
    }
  }
}
