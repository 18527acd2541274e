package dev.foodpipeline.streams;

import dev.foodpipeline.shell.Defaults;
import dev.foodpipeline.shell.ErrorClassifier;
import dev.foodpipeline.shell.ExitCodes;
import dev.foodpipeline.shell.MetricsOptions;
import dev.foodpipeline.shell.MetricsServer;
import dev.foodpipeline.shell.Shell;
import dev.foodpipeline.streams.http.HttpApi;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
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
 * close timeout. The {@link Supervisor} keeps the app running meanwhile.
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
      "2:bad flag, setting or Kafka property; the HTTP or metrics port cannot be bound",
      "70:internal error (a bug)"
    })
public final class Main implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(Main.class);

  @Mixin StreamsOptions options = new StreamsOptions();

  @Mixin MetricsOptions metrics = new MetricsOptions(MetricsOptions.CLIENT_RULES);

  @Spec CommandSpec spec;

  private final Map<String, String> env;
  private final Supervisor supervisor;
  private volatile Duration closeTimeout = StreamsSettings.DEFAULT_CLOSE_TIMEOUT;

  /** The HTTP port bound, once it is (for tests); 0 before. */
  volatile int boundHttpPort;

  /** The metrics port bound, once it is (for tests); 0 before, -1 without --metrics-port. */
  volatile int boundMetricsPort;

  public Main() {
    this(System.getenv(), Supervisor.STATUS_INTERVAL);
  }

  Main(Map<String, String> env, Duration statusInterval) {
    this.env = env;
    this.supervisor = new Supervisor(statusInterval);
  }

  /** Runs until SIGTERM/Ctrl-C; then closes within the close timeout (the shell's hook). */
  public static void main(String[] args) {
    Main main = new Main();
    System.exit(
        Shell.runUntilStopped(commandLine(main), args, main::requestStop, () -> main.closeTimeout));
  }

  /** The command with the shell's error handling: a bad setting is one line and exit code 2. */
  static CommandLine commandLine(Main main) {
    Defaults defaults = StreamsOptions.defaults(main.env);
    ErrorClassifier errors =
        new ErrorClassifier("streams-app")
            .on(SettingsException.class, ExitCodes.USAGE)
            .on(MetricsServer.StartException.class, ExitCodes.USAGE)
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
    try (MetricsServer metricsServer = metrics.start();
        HttpApi http = HttpApi.start(settings, supervisor.current())) {
      boundMetricsPort = metricsServer.port();
      if (metricsServer.port() >= 0) {
        log.info("Metrics on {}", metricsServer.url());
      }
      boundHttpPort = http.port();
      return supervisor.run(http.settings(), StreamsApp::new);
    }
  }

  StreamsSettings settings() {
    return options.settings(spec.commandLine());
  }

  /** Asks the run loop to stop. */
  void requestStop() {
    supervisor.requestStop();
  }

  /** The run loop (for tests). */
  Supervisor supervisor() {
    return supervisor;
  }
}
