package dev.foodpipeline.notify;

import dev.foodpipeline.notify.delivery.NotificationFeed;
import dev.foodpipeline.notify.http.NotifyHttp;
import dev.foodpipeline.notify.topology.Counters;
import dev.foodpipeline.shell.Defaults;
import dev.foodpipeline.shell.ErrorClassifier;
import dev.foodpipeline.shell.ExitCodes;
import dev.foodpipeline.shell.MetricsOptions;
import dev.foodpipeline.shell.MetricsServer;
import dev.foodpipeline.shell.Shell;
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
 * The runnable jar's entry point: reads {@link NotifySettings} from flags, environment and
 * defaults, serves HTTP, and runs the Streams client and the delivery feed until SIGTERM/Ctrl-C.
 */
@Command(
    name = "notification-service",
    mixinStandardHelpOptions = true,
    version = "notification-service 1.0.0",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Tells customers what happened to their orders (ORDER_CONFIRMED, ORDER_REJECTED) and"
          + " restaurants when their kitchen is overloaded (KITCHEN_OVERLOADED, KITCHEN_OK): reads"
          + " 'food-orders-processed' and 'food-orders-rejected' (exactly_once_v2), writes"
          + " 'order-notifications', and serves them over HTTP as server-sent events.",
      "A flag wins over FOOD_NOTIFICATION_SERVICE_<FLAG>, that over --config-file, that over the default."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:stopped on request (after SIGTERM the JVM itself reports 143)",
      "2:bad flag, setting or Kafka property; the HTTP or metrics port cannot be bound",
      "70:internal error (a bug)"
    })
public final class Main implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(Main.class);

  @Mixin NotifyOptions options = new NotifyOptions();

  @Mixin MetricsOptions metrics = new MetricsOptions(MetricsOptions.CLIENT_RULES);

  @Spec CommandSpec spec;

  private final Map<String, String> env;
  private final RunLoop runLoop;
  private volatile Duration closeTimeout = Duration.ofSeconds(8);

  /** The HTTP port bound, once it is (for tests); 0 before. */
  volatile int boundHttpPort;

  public Main() {
    this(System.getenv(), RunLoop.STATUS_INTERVAL);
  }

  Main(Map<String, String> env, Duration statusInterval) {
    this.env = env;
    this.runLoop = new RunLoop(statusInterval);
  }

  /** Runs until SIGTERM/Ctrl-C; then closes within the close timeout (the shell's hook). */
  public static void main(String[] args) {
    Main main = new Main();
    System.exit(
        Shell.runUntilStopped(commandLine(main), args, main::requestStop, () -> main.closeTimeout));
  }

  /** The command with the shell's error handling: a bad setting is one line and exit code 2. */
  static CommandLine commandLine(Main main) {
    Defaults defaults = NotifyOptions.defaults(main.env);
    ErrorClassifier errors =
        new ErrorClassifier("notification-service")
            .on(SettingsException.class, ExitCodes.USAGE)
            .on(MetricsServer.StartException.class, ExitCodes.USAGE)
            .on(ConfigException.class, ExitCodes.USAGE);
    return Shell.withEnvironmentHelp(
        Shell.commandLine(main, defaults, errors, "notification-service: "), defaults);
  }

  @Override
  public Integer call() throws InterruptedException {
    NotifySettings settings = options.settings(spec.commandLine());
    closeTimeout = settings.closeTimeout();
    // Kafka's own check of every property it knows, before waiting for anything.
    new StreamsConfig(settings.streamsProperties());
    Counters counters = new Counters();
    try (MetricsServer metricsServer = metrics.start();
        NotificationFeed feed = new NotificationFeed(settings.clientProperties());
        NotifyHttp http = NotifyHttp.start(settings, runLoop.current(), feed, counters)) {
      if (metricsServer.port() >= 0) {
        log.info("Metrics on {}", metricsServer.url());
      }
      boundHttpPort = http.port();
      return runLoop.run(http.settings(), feed, counters);
    }
  }

  void requestStop() {
    runLoop.requestStop();
  }
}
