package dev.foodpipeline.streams;

import dev.foodpipeline.model.topics.Topic;
import dev.foodpipeline.model.topics.Topics;
import dev.foodpipeline.shell.Errors;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.streams.KafkaStreams.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one {@link StreamsApp} running until a stop request: waits (saying so) while Kafka cannot
 * be reached or a topic of the app is missing, and replaces an app that cannot start or stops on
 * its own. What it is doing is published to the HTTP endpoints through {@link CurrentApp}.
 */
final class Supervisor {
  private static final Logger log = LoggerFactory.getLogger(Supervisor.class);

  /** How often the loop looks at the app's state. */
  static final Duration STATUS_INTERVAL = Duration.ofSeconds(10);

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  /** The topics of the registry the app reads (the first two) and writes (the others). */
  static final List<String> REQUIRED_TOPICS =
      Stream.of(
              Topics.RESTAURANTS,
              Topics.FOOD_ORDERS,
              Topics.FOOD_ORDERS_PROCESSED,
              Topics.FOOD_ORDER_ITEMS,
              Topics.FOOD_ORDERS_REJECTED,
              Topics.RESTAURANT_STATS)
          .map(Topic::name)
          .toList();

  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final Duration statusInterval;
  private final CurrentApp current = new CurrentApp();

  /** How many times Kafka was found unreachable before an app could be made (for tests). */
  final AtomicInteger unreachableProbes = new AtomicInteger();

  /** How many times a required topic was found missing (for tests). */
  final AtomicInteger missingTopicProbes = new AtomicInteger();

  /** Which required topics are missing at the given bootstrap servers (replaced in tests). */
  Function<String, List<String>> missingTopics =
      bootstrap -> TopicProbe.missing(bootstrap, REQUIRED_TOPICS, PROBE_TIMEOUT);

  Supervisor(Duration statusInterval) {
    this.statusInterval = statusInterval;
  }

  /** Asks the loop to stop; the current app starts closing at once. */
  void requestStop() {
    current.stop();
    stopRequested.countDown();
  }

  /** What the HTTP endpoints see: the app of the loop, or what it waits for. */
  CurrentApp current() {
    return current;
  }

  /**
   * Runs the app until a stop request, and keeps it running meanwhile: waits (saying so) while
   * Kafka cannot be reached or a topic of the app is missing, and when the app cannot start or
   * stops on its own (state ERROR, e.g. Kafka gone for longer than {@code task.timeout.ms} while
   * loading the restaurants), logs why in one line and starts a new instance after the status
   * interval.
   *
   * @return 0 after a stop request
   */
  int run(StreamsSettings settings, Function<StreamsSettings, StreamsApp> apps)
      throws InterruptedException {
    while (awaitKafka(settings)) {
      try (StreamsApp app = apps.apply(settings)) {
        current.running(app);
        if (startAndSupervise(app)) {
          log.info(
              "Stop requested; closing streams-app {} (up to {} ms)",
              settings.instanceId(),
              settings.closeTimeout().toMillis());
          return 0;
        }
        current.waiting("a new start in " + statusInterval.toMillis() + " ms after a failure");
      }
      if (stopRequested.await(statusInterval.toMillis(), TimeUnit.MILLISECONDS)) {
        return 0;
      }
      log.info("Starting streams-app {} again", settings.instanceId());
    }
    return 0;
  }

  /**
   * Waits until a bootstrap server accepts a connection and every topic the app reads or writes
   * exists; false when a stop was requested first.
   */
  private boolean awaitKafka(StreamsSettings settings) throws InterruptedException {
    while (true) {
      if (stopRequested.getCount() == 0) {
        return false;
      }
      Optional<String> problem =
          BrokerProbe.unreachable(settings.bootstrapServers(), PROBE_TIMEOUT);
      if (problem.isPresent()) {
        unreachableProbes.incrementAndGet();
        current.waiting("Kafka at " + settings.bootstrapServers());
        log.warn(
            "Kafka at {} is not reachable: {}; trying again every {} ms",
            settings.bootstrapServers(),
            problem.get(),
            statusInterval.toMillis());
      } else {
        try {
          List<String> missing = missingTopics.apply(settings.bootstrapServers());
          if (missing.isEmpty()) {
            return stopRequested.getCount() > 0;
          }
          missingTopicProbes.incrementAndGet();
          current.waiting("topic(s) " + missing);
          log.warn(
              "Waiting for topic(s) {} to exist at {} (create them with: order-generator topics); checking every {} ms",
              missing,
              settings.bootstrapServers(),
              statusInterval.toMillis());
        } catch (IllegalStateException e) {
          current.waiting("Kafka at " + settings.bootstrapServers());
          log.warn(
              "Kafka at {} is reachable but {}; trying again every {} ms",
              settings.bootstrapServers(),
              e.getMessage(),
              statusInterval.toMillis());
        }
      }
      if (stopRequested.await(statusInterval.toMillis(), TimeUnit.MILLISECONDS)) {
        return false;
      }
    }
  }

  /** True when it returned because of a stop request, false when the app failed. */
  private boolean startAndSupervise(StreamsApp app) throws InterruptedException {
    String instance = app.settings().instanceId();
    try {
      app.start();
    } catch (RuntimeException e) {
      log.error(
          "streams-app {} could not start: {}; trying again in {} ms",
          instance,
          Errors.rootCauseLine(e),
          statusInterval.toMillis());
      return false;
    }
    while (!stopRequested.await(statusInterval.toMillis(), TimeUnit.MILLISECONDS)) {
      State state = app.state();
      if (state == State.ERROR || state == State.PENDING_ERROR || state == State.NOT_RUNNING) {
        log.error(
            "streams-app {} stopped on its own (state {}); trying again in {} ms",
            instance,
            state,
            statusInterval.toMillis());
        return false;
      }
      if (state != State.RUNNING) {
        String bootstrap = app.settings().bootstrapServers();
        BrokerProbe.unreachable(bootstrap, PROBE_TIMEOUT)
            .ifPresentOrElse(
                problem ->
                    log.warn(
                        "Kafka at {} is not reachable: {}; Kafka Streams keeps retrying (state {})",
                        bootstrap,
                        problem,
                        state),
                () ->
                    log.info(
                        "Kafka at {} is reachable; waiting for the partition assignment (state {})",
                        bootstrap,
                        state));
      }
    }
    return true;
  }
}
