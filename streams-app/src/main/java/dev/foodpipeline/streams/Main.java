package dev.foodpipeline.streams;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.KafkaStreams.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The runnable jar's entry point: reads {@link StreamsSettings} from flags, environment and
 * defaults, starts a {@link StreamsApp} and runs until SIGTERM/Ctrl-C (then closes it within the
 * close timeout) or until the app stops on its own (exit code 1).
 */
@Command(
    name = "streams-app",
    mixinStandardHelpOptions = true,
    version = "streams-app 1.0.0",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Validates and enriches food orders from 'food-orders' (exactly_once_v2) into 'food-orders-processed'",
      "and 'food-order-items'; every rejected input goes to 'food-orders-rejected' with its reason.",
      "Each option can also be set by its environment variable; a flag wins over the variable."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:stopped by a signal", "1:the app stopped on its own or failed", "2:bad setting"})
public final class Main implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(Main.class);
  /** How often the run loop looks at the app's state. */
  static final Duration STATUS_INTERVAL = Duration.ofSeconds(10);

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
      description = "Kafka (env FOOD_STREAMS_BOOTSTRAP_SERVERS; default 127.0.0.1:9092)")
  String bootstrapServers;

  @Option(names = "--application-id", paramLabel = "ID",
      description = "Streams application id = consumer group (env FOOD_STREAMS_APPLICATION_ID; default food-orders-streams)")
  String applicationId;

  @Option(names = "--threads", paramLabel = "N",
      description = "stream threads of this instance (env FOOD_STREAMS_THREADS; default 2)")
  String threads;

  @Option(names = "--instance-id", paramLabel = "ID",
      description = "names this instance in logs, client id and default state dir (env FOOD_STREAMS_INSTANCE_ID; default host name)")
  String instanceId;

  @Option(names = "--state-dir", paramLabel = "DIR",
      description = "state directory (env FOOD_STREAMS_STATE_DIR; default <tmp>/food-orders-streams-<instance-id>)")
  String stateDir;

  @Option(names = "--commit-interval-ms", paramLabel = "MS",
      description = "transaction commit interval (env FOOD_STREAMS_COMMIT_INTERVAL_MS; default 100)")
  String commitIntervalMs;

  @Option(names = "--close-timeout-ms", paramLabel = "MS",
      description = "how long a shutdown may take (env FOOD_STREAMS_CLOSE_TIMEOUT_MS; default 8000)")
  String closeTimeoutMs;

  @Option(names = "--config-file", paramLabel = "FILE",
      description = "Kafka Streams/client properties file, passed through (env FOOD_STREAMS_CONFIG_FILE)")
  String configFile;

  @Option(names = {"-c", "--config"}, paramLabel = "KEY=VALUE",
      description = "a Kafka Streams/client property, passed through; repeatable (env FOOD_STREAMS_CONFIG_<KEY> with _ for .)")
  Map<String, String> config = new LinkedHashMap<>();

  private final Map<String, String> env;
  private final CountDownLatch stopRequested;
  private final Duration statusInterval;
  private volatile Duration closeTimeout = StreamsSettings.DEFAULT_CLOSE_TIMEOUT;

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

  /** The command with its error handling: a bad setting is one line on stderr and exit code 2. */
  static CommandLine commandLine(Main main) {
    return new CommandLine(main)
        .setExecutionExceptionHandler(
            (error, commandLine, parseResult) -> {
              PrintWriter err = commandLine.getErr();
              err.println("streams-app: " + oneLine(error));
              err.flush();
              return error instanceof SettingsException || error instanceof ConfigException ? 2 : 1;
            });
  }

  @Override
  public Integer call() throws InterruptedException {
    StreamsSettings settings = settings();
    closeTimeout = settings.closeTimeout();
    try (StreamsApp app = new StreamsApp(settings)) {
      return run(app);
    }
  }

  StreamsSettings settings() {
    return StreamsSettings.builder()
        .flag(Setting.BOOTSTRAP_SERVERS, bootstrapServers)
        .flag(Setting.APPLICATION_ID, applicationId)
        .flag(Setting.THREADS, threads)
        .flag(Setting.INSTANCE_ID, instanceId)
        .flag(Setting.STATE_DIR, stateDir)
        .flag(Setting.COMMIT_INTERVAL_MS, commitIntervalMs)
        .flag(Setting.CLOSE_TIMEOUT_MS, closeTimeoutMs)
        .flag(Setting.CONFIG_FILE, configFile)
        .config(config)
        .build(env);
  }

  /** Asks the run loop to stop. */
  void requestStop() {
    stopRequested.countDown();
  }

  /**
   * Starts the app and waits for a stop request, looking at its state every status interval: says
   * plainly when Kafka cannot be reached (Streams keeps retrying), returns 1 when the app stopped
   * on its own, 0 after a requested stop.
   */
  int run(StreamsApp app) throws InterruptedException {
    app.start();
    while (!stopRequested.await(statusInterval.toMillis(), TimeUnit.MILLISECONDS)) {
      State state = app.state();
      if (state == State.ERROR || state == State.PENDING_ERROR || state == State.NOT_RUNNING) {
        log.error("streams-app {} stopped on its own (state {}); exiting", app.settings().instanceId(), state);
        return 1;
      }
      if (state != State.RUNNING) {
        String bootstrap = app.settings().bootstrapServers();
        BrokerProbe.unreachable(bootstrap, Duration.ofSeconds(2))
            .ifPresentOrElse(
                problem -> log.warn("Kafka at {} is not reachable: {}; still retrying (state {})", bootstrap, problem, state),
                () -> log.info("Kafka at {} is reachable; waiting for the partition assignment (state {})", bootstrap, state));
      }
    }
    log.info("Stop requested; closing streams-app {} (up to {} ms)", app.settings().instanceId(), app.settings().closeTimeout().toMillis());
    return 0;
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

  private static String oneLine(Throwable error) {
    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
