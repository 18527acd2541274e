package dev.foodpipeline.notify;

import dev.foodpipeline.model.Restaurant;
import dev.foodpipeline.notify.topology.Counters;
import dev.foodpipeline.notify.topology.NotificationTopology;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka Streams client of the notification topology: logs every state change, replaces a dead
 * stream thread, says "started" only when RUNNING, and answers whether a restaurant is in the
 * catalogue (its global store, on every instance).
 */
public final class NotificationService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

  private final NotifySettings settings;
  private final KafkaStreams streams;
  private volatile boolean startedOnce;

  public NotificationService(NotifySettings settings, Counters counters) {
    this.settings = settings;
    this.streams =
        new KafkaStreams(
            NotificationTopology.build(settings.kitchen(), settings.commitAfterRecords(), counters),
            settings.streamsProperties());
    streams.setStateListener(this::onStateChange);
    streams.setUncaughtExceptionHandler(this::onUncaughtException);
  }

  public void start() {
    log.info("Starting {}", settings.describe());
    streams.start();
  }

  public State state() {
    return streams.state();
  }

  public boolean isRunning() {
    return streams.state() == State.RUNNING;
  }

  /**
   * Whether the catalogue holds the restaurant: empty while the store cannot be asked (not
   * RUNNING).
   */
  public Optional<Boolean> knowsRestaurant(String restaurantId) {
    try {
      ReadOnlyKeyValueStore<String, Restaurant> store =
          streams.store(
              StoreQueryParameters.fromNameAndType(
                  NotificationTopology.RESTAURANTS_STORE, QueryableStoreTypes.keyValueStore()));
      return Optional.of(store.get(restaurantId) != null);
    } catch (InvalidStateStoreException e) {
      return Optional.empty();
    }
  }

  /** Returns once RUNNING; throws when not within {@code timeout}. */
  public void awaitRunning(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (streams.state() != State.RUNNING) {
      if (System.nanoTime() > deadline || !streams.state().isRunningOrRebalancing()) {
        throw new IllegalStateException(
            "notification-service is " + streams.state() + ", not RUNNING, after " + timeout);
      }
      Thread.sleep(50);
    }
  }

  @Override
  public void close() {
    long started = System.nanoTime();
    boolean closed =
        streams.close(
            CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(settings.closeTimeout()));
    long tookMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
    if (closed) {
      log.info("notification-service closed in {} ms", tookMs);
    } else {
      log.warn(
          "notification-service did not close within {} ms; giving up waiting",
          settings.closeTimeout().toMillis());
    }
  }

  private void onStateChange(State newState, State oldState) {
    log.info("notification-service state {} -> {}", oldState, newState);
    if (newState == State.RUNNING && !startedOnce) {
      startedOnce = true;
      log.info(
          "notification-service started: RUNNING with {} stream thread(s) against {}",
          settings.threads(),
          settings.bootstrapServers());
    }
  }

  private StreamThreadExceptionResponse onUncaughtException(Throwable error) {
    log.error(
        "notification-service: stream thread {} died, replacing it: {}",
        Thread.currentThread().getName(),
        error.toString(),
        error);
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }
}
