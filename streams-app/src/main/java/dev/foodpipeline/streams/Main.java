package dev.foodpipeline.streams;

import dev.foodpipeline.model.topics.Topic;
import dev.foodpipeline.model.topics.Topics;
import dev.foodpipeline.shell.Defaults;
import dev.foodpipeline.shell.ErrorClassifier;
import dev.foodpipeline.shell.Errors;
import dev.foodpipeline.shell.ExitCodes;
import dev.foodpipeline.shell.Shell;
import dev.foodpipeline.streams.http.HttpApi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The runnable jar's entry point: reads {@link StreamsSettings} from flags, environment and
 * defaults, starts a {@link StreamsApp} and runs until SIGTERM/Ctrl-C, then closes it within the
 * close timeout. While Kafka cannot be reached it says so and keeps trying; an app that cannot
 * start or fails is replaced by a new one (see {@link #run}).
 */
@Command(
    name = "streams-app",
    mixinStandardHelpOptions = true,
    version = "streams-app 1.0.0",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Validates, deduplicates and enriches food orders from 'food-orders' (exactly_once_v2) into"
          + " 'food-orders-processed' and 'food-order-items'; every rejected input goes to 'food-orders-rejected'"
          + " with its reason; 1-minute stats per restaurant go to 'restaurant-stats' and are served over HTTP.",
      "A flag wins over FOOD_STREAMS_<FLAG>, that over --config-file, that over the default."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:stopped on request (after SIGTERM the JVM itself reports 143)",
      "2:bad flag, setting or Kafka property; the HTTP port cannot be bound",
      "70:internal error (a bug)"
    })
public final class Main implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(Main.class);

  /** How often the run loop looks at the app's state. */
  static final Duration STATUS_INTERVAL = Duration.ofSeconds(10);

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  /** Every topic of the registry: the app reads two of them and writes the others. */
  static final List<String> REQUIRED_TOPICS = Topics.all().stream().map(Topic::name).toList();

  @Mixin StreamsOptions options = new StreamsOptions();

  @Spec CommandSpec spec;

  private final Map<String, String> env;
  private final CountDownLatch stopRequested;
  private final Duration statusInterval;
  private volatile Duration closeTimeout = StreamsSettings.DEFAULT_CLOSE_TIMEOUT;
  private final CurrentApp current = new CurrentApp();

  /** How many times Kafka was found unreachable before an app could be made (for tests). */
  final AtomicInteger unreachableProbes = new AtomicInteger();

  /** How many times a required topic was found missing (for tests). */
  final AtomicInteger missingTopicProbes = new AtomicInteger();

  /** The HTTP port bound, once it is (for tests); 0 before. */
  volatile int boundHttpPort;

  /** Which required topics are missing at the given bootstrap servers (replaced in tests). */
  Function<String, List<String>> missingTopics =
      bootstrap -> TopicProbe.missing(bootstrap, REQUIRED_TOPICS, PROBE_TIMEOUT);

  public Main() {
    this(System.getenv(), new CountDownLatch(1), STATUS_INTERVAL);
  }

  Main(Map<String, String> env, CountDownLatch stopRequested, Duration statusInterval) {
    this.env = env;
    this.stopRequested = stopRequested;
    this.statusInterval = statusInterval;
  }

  public static void main(String[] args) {
    Main main = new Main();
    CountDownLatch finished = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> main.stopAndWait(finished), "streams-app-shutdown"));
    int exitCode;
    try {
      exitCode = commandLine(main).execute(args);
    } finally {
      finished.countDown();
    }
    System.exit(exitCode);
  }

  /** The command with the shell's error handling: a bad setting is one line and exit code 2. */
  static CommandLine commandLine(Main main) {
    Defaults defaults = StreamsOptions.defaults(main.env);
    ErrorClassifier errors =
        new ErrorClassifier("streams-app")
            .on(SettingsException.class, ExitCodes.USAGE)
            .on(ConfigException.class, ExitCodes.USAGE);
    return Shell.withEnvironmentHelp(
        Shell.commandLine(main, defaults, errors, "streams-app: "), defaults);
  }

  @Override
  public Integer call() throws InterruptedException {
    StreamsSettings settings = settings();
    closeTimeout = settings.closeTimeout();
    // Kafka's own check of every property it knows, before waiting for anything.
    new StreamsConfig(settings.toProperties());
    try (HttpApi http = HttpApi.start(settings, current)) {
      boundHttpPort = http.port();
      return run(http.settings(), StreamsApp::new);
    }
  }

  StreamsSettings settings() {
    return options.settings(spec.commandLine());
  }

  /** Asks the run loop to stop. */
  void requestStop() {
    current.stop();
    stopRequested.countDown();
  }

  /** What the HTTP endpoints see: the app of the run loop, or what it waits for. */
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

  private void stopAndWait(CountDownLatch finished) {
    requestStop();
    try {
      // The app closes within its close timeout; allow a little on top before the JVM goes.
      if (!finished.await(closeTimeout.toMillis() + 2_000, TimeUnit.MILLISECONDS)) {
        log.warn("streams-app did not finish closing in time; exiting anyway");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
