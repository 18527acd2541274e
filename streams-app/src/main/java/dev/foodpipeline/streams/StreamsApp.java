package dev.foodpipeline.streams;

import dev.foodpipeline.model.topics.Topics;
import dev.foodpipeline.streams.topology.OrderTopology;
import dev.foodpipeline.streams.topology.TopologySettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance of the Streams app: a {@link KafkaStreams} built from {@link StreamsSettings} and a
 * topology, with a state listener that logs every state change and, after every rebalance, each
 * thread's tasks and partitions, and an uncaught-exception handler that replaces a dead stream
 * thread. Reports "started" only when the state is RUNNING.
 *
 * <pre>{@code
 * try (StreamsApp app = new StreamsApp(settings)) {
 *   app.start();
 *   app.awaitRunning(Duration.ofSeconds(60));
 *   ...
 * } // close() waits up to settings.closeTimeout()
 * }</pre>
 */
public final class StreamsApp implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StreamsApp.class);

  private final StreamsSettings settings;
  private final KafkaStreams streams;
  private final RestoreProgress restores;
  private final Object stateMonitor = new Object();
  private volatile boolean startedOnce;
  private volatile List<ThreadAssignment> assignment = List.of();

  /**
   * The order topology with its defaults (system clock), the settings' dedup retention, stats grace
   * and commit pacing.
   */
  public StreamsApp(StreamsSettings settings) {
    this(
        settings,
        OrderTopology.build(
            TopologySettings.defaults()
                .withDedupRetention(settings.dedupRetention())
                .withStatsGrace(settings.statsGrace())
                .withCommitAfterRecords(settings.commitAfterRecords())));
  }

  public StreamsApp(StreamsSettings settings, Topology topology) {
    this.settings = settings;
    LocalState.prepare(settings.stateDir(), settings.applicationId(), settings.instanceId());
    this.streams = new KafkaStreams(topology, settings.toProperties());
    this.restores = new RestoreProgress(name());
    streams.setStateListener(this::onStateChange);
    streams.setGlobalStateRestoreListener(restores);
    streams.setUncaughtExceptionHandler(this::onUncaughtException);
  }

  /** Starts the stream threads; returns at once. Kafka need not be reachable yet. */
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

  public StreamsSettings settings() {
    return settings;
  }

  /** Each local stream thread's tasks and partitions, as of the last time the app was RUNNING. */
  public List<ThreadAssignment> assignment() {
    return assignment;
  }

  /** Each local stream thread's tasks and partitions now (during a rebalance: possibly none). */
  public List<ThreadAssignment> currentAssignment() {
    return streams.metadataForLocalThreads().stream()
        .map(ThreadAssignment::of)
        .sorted(Comparator.comparing(ThreadAssignment::threadName))
        .toList();
  }

  /** The changelog partitions of this instance's stores that are being restored now. */
  public Set<String> restoring() {
    return restores.restoring();
  }

  /**
   * Ready: RUNNING (so the restaurants table is loaded and the partitions assigned) and no store of
   * an active task is being restored, so every partition this instance owns is being processed.
   */
  public boolean isReady() {
    return streams.state() == State.RUNNING && restores.restoring().isEmpty();
  }

  /**
   * The Kafka Streams client, for queries (metadata, interactive queries); the app starts and
   * closes it, nobody else.
   */
  public KafkaStreams kafkaStreams() {
    return streams;
  }

  /**
   * Returns once the app is RUNNING.
   *
   * @throws IllegalStateException when it is not RUNNING within {@code timeout}, or stops first;
   *     the message says which, in which state, and against which Kafka
   */
  public void awaitRunning(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (stateMonitor) {
      while (true) {
        State state = streams.state();
        if (state == State.RUNNING) {
          return;
        }
        if (state == State.CREATED) {
          throw new IllegalStateException(name() + " was not started");
        }
        if (!state.isRunningOrRebalancing()) {
          throw new IllegalStateException(
              name() + " stopped in state " + state + " before it was RUNNING");
        }
        long remainingMs = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
        if (remainingMs <= 0) {
          throw new IllegalStateException(
              String.format(
                  Locale.ROOT,
                  "%s did not reach RUNNING within %d ms (state %s, Kafka at %s%s)",
                  name(),
                  timeout.toMillis(),
                  state,
                  settings.bootstrapServers(),
                  BrokerProbe.unreachable(settings.bootstrapServers(), Duration.ofSeconds(1))
                      .map(problem -> ": " + problem)
                      .orElse(" is reachable")));
        }
        try {
          stateMonitor.wait(remainingMs);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while waiting for " + name() + " to run", e);
        }
      }
    }
  }

  /** Closes with {@link StreamsSettings#closeTimeout()}. */
  @Override
  public void close() {
    close(settings.closeTimeout());
  }

  /**
   * Stops the stream threads, committing their work, leaves the consumer group (so that the other
   * instances take over its partitions at once instead of after the session timeout), and waits up
   * to {@code timeout}.
   *
   * @return whether everything stopped in time
   */
  public boolean close(Duration timeout) {
    long started = System.nanoTime();
    boolean closed =
        streams.close(
            CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(timeout));
    long tookMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
    if (closed) {
      LocalState.markClean(settings.stateDir(), settings.applicationId());
      log.info("{} closed in {} ms", name(), tookMs);
    } else {
      log.warn("{} did not close within {} ms; giving up waiting", name(), timeout.toMillis());
    }
    return closed;
  }

  private void onStateChange(State newState, State oldState) {
    log.info("{} state {} -> {}", name(), oldState, newState);
    if (newState == State.RUNNING) {
      logAssignment();
      if (!startedOnce) {
        startedOnce = true;
        log.info(
            "{} started: RUNNING with {} stream thread(s) against {}",
            name(),
            settings.threads(),
            settings.bootstrapServers());
      }
    }
    synchronized (stateMonitor) {
      stateMonitor.notifyAll();
    }
  }

  private void logAssignment() {
    try {
      List<ThreadAssignment> current =
          streams.metadataForLocalThreads().stream()
              .map(ThreadAssignment::of)
              .sorted(Comparator.comparing(ThreadAssignment::threadName))
              .toList();
      String change = current.equals(assignment) ? "unchanged" : "new";
      assignment = current;
      log.info("{} assignment after rebalance ({}), {} thread(s):", name(), change, current.size());
      current.forEach(thread -> log.info("  {}", thread.describe()));
      String owners = inputOwners(streams.metadataForAllStreamsClients());
      if (!owners.isEmpty()) {
        log.info("{} owners of {}: {}", name(), Topics.FOOD_ORDERS.name(), owners);
      }
    } catch (RuntimeException e) {
      log.debug("{} could not read its assignment: {}", name(), e.toString());
    }
  }

  /**
   * "food-orders-0 → 127.0.0.1:7070 (standby 127.0.0.1:7071), food-orders-1 → …" from the Streams
   * metadata of every instance (only instances with an {@code application.server} are known).
   */
  static String inputOwners(Collection<StreamsMetadata> instances) {
    TreeMap<Integer, String> active = new TreeMap<>();
    TreeMap<Integer, List<String>> standby = new TreeMap<>();
    for (StreamsMetadata instance : instances) {
      String server = instance.host() + ":" + instance.port();
      for (TopicPartition partition : instance.topicPartitions()) {
        if (partition.topic().equals(Topics.FOOD_ORDERS.name())) {
          active.put(partition.partition(), server);
        }
      }
      for (TopicPartition partition : instance.standbyTopicPartitions()) {
        if (partition.topic().equals(Topics.FOOD_ORDERS.name())) {
          standby.computeIfAbsent(partition.partition(), p -> new ArrayList<>()).add(server);
        }
      }
    }
    Set<Integer> partitions = new TreeSet<>(active.keySet());
    partitions.addAll(standby.keySet());
    return partitions.stream()
        .map(
            p ->
                Topics.FOOD_ORDERS.name()
                    + "-"
                    + p
                    + " → "
                    + active.getOrDefault(p, "nobody")
                    + (standby.containsKey(p)
                        ? " (standby "
                            + String.join(", ", standby.get(p).stream().sorted().toList())
                            + ")"
                        : ""))
        .collect(Collectors.joining(", "));
  }

  private StreamThreadExceptionResponse onUncaughtException(Throwable error) {
    String thread = Thread.currentThread().getName();
    if (thread.contains("GlobalStreamThread")) {
      log.error(
          "{}: the global thread ({}) died, the instance will stop: {}",
          name(),
          thread,
          error.toString(),
          error);
    } else {
      log.error(
          "{}: stream thread {} died, replacing it: {}", name(), thread, error.toString(), error);
    }
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }

  private String name() {
    return "streams-app " + settings.instanceId();
  }
}
