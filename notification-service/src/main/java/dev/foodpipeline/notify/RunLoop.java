package dev.foodpipeline.notify;

import dev.foodpipeline.model.topics.Topic;
import dev.foodpipeline.model.topics.Topics;
import dev.foodpipeline.notify.delivery.NotificationFeed;
import dev.foodpipeline.notify.topology.Counters;
import dev.foodpipeline.shell.Errors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the service running until a stop request: waits (saying so every {@link #statusInterval})
 * while Kafka cannot be asked or a topic is missing, then starts the delivery feed and a Streams
 * client, replaces a client that stops on its own, and logs the counters every minute.
 */
final class RunLoop {
  private static final Logger log = LoggerFactory.getLogger(RunLoop.class);

  static final Duration STATUS_INTERVAL = Duration.ofSeconds(10);
  private static final Duration STATUS_LOG_INTERVAL = Duration.ofMinutes(1);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

  /** The topics the service reads (the first three) and writes (order-notifications, rejected). */
  static final List<String> REQUIRED_TOPICS =
      Stream.of(
              Topics.RESTAURANTS,
              Topics.FOOD_ORDERS_PROCESSED,
              Topics.FOOD_ORDERS_REJECTED,
              Topics.ORDER_NOTIFICATIONS)
          .map(Topic::name)
          .toList();

  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final Duration statusInterval;
  private final CurrentService current = new CurrentService();

  RunLoop(Duration statusInterval) {
    this.statusInterval = statusInterval;
  }

  CurrentService current() {
    return current;
  }

  void requestStop() {
    current.stop();
    stopRequested.countDown();
  }

  /** Runs until a stop request; returns 0 then. */
  int run(NotifySettings settings, NotificationFeed feed, Counters counters)
      throws InterruptedException {
    boolean feedStarted = false;
    while (stopRequested.getCount() > 0) {
      String missing = missingTopics(settings);
      if (missing != null) {
        current.waiting(missing);
        log.warn(
            "Waiting for {} (create the topics with: order-generator topics); checking every {} ms",
            missing,
            statusInterval.toMillis());
        if (stopRequested.await(statusInterval.toMillis(), TimeUnit.MILLISECONDS)) {
          break;
        }
        continue;
      }
      if (!feedStarted) {
        feed.start();
        feedStarted = true;
      }
      try (NotificationService service = new NotificationService(settings, counters)) {
        current.running(service);
        service.start();
        if (supervise(service, feed, counters)) {
          log.info(
              "Stop requested; closing notification-service (up to {} ms)",
              settings.closeTimeout().toMillis());
          return 0;
        }
        current.waiting("a new start in " + statusInterval.toMillis() + " ms after a failure");
      }
      if (stopRequested.await(statusInterval.toMillis(), TimeUnit.MILLISECONDS)) {
        break;
      }
    }
    return 0;
  }

  /** True when it returned because of a stop request, false when the client stopped by itself. */
  private boolean supervise(NotificationService service, NotificationFeed feed, Counters counters)
      throws InterruptedException {
    long nextStatus = System.nanoTime() + STATUS_LOG_INTERVAL.toNanos();
    while (!stopRequested.await(statusInterval.toMillis(), TimeUnit.MILLISECONDS)) {
      State state = service.state();
      if (state == State.ERROR || state == State.PENDING_ERROR || state == State.NOT_RUNNING) {
        log.error(
            "notification-service stopped on its own (state {}); starting again in {} ms",
            state,
            statusInterval.toMillis());
        return false;
      }
      if (System.nanoTime() > nextStatus) {
        nextStatus = System.nanoTime() + STATUS_LOG_INTERVAL.toNanos();
        log.info("notification-service {}: {}; feed {}", state, counters, feed.status());
      }
    }
    return true;
  }

  /** What the service waits for ("Kafka at …", "topic(s) […]"), or null when nothing. */
  static String missingTopics(NotifySettings settings) {
    Map<String, Object> properties = new HashMap<>(settings.clientProperties());
    properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
    properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
    try (Admin admin = Admin.create(properties)) {
      Set<String> existing =
          admin.listTopics().names().get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      List<String> missing = new ArrayList<>(REQUIRED_TOPICS);
      missing.removeAll(existing);
      return missing.isEmpty()
          ? null
          : "topic(s) " + missing + " at " + settings.bootstrapServers();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "Kafka at " + settings.bootstrapServers();
    } catch (Exception e) {
      return "Kafka at " + settings.bootstrapServers() + " (" + Errors.rootCauseLine(e) + ")";
    }
  }
}
