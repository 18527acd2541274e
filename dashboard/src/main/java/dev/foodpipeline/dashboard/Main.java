package dev.foodpipeline.dashboard;

import dev.foodpipeline.dashboard.http.DashboardHttp;
import dev.foodpipeline.shell.Converters;
import dev.foodpipeline.shell.Defaults;
import dev.foodpipeline.shell.ErrorClassifier;
import dev.foodpipeline.shell.ExitCodes;
import dev.foodpipeline.shell.MetricsOptions;
import dev.foodpipeline.shell.MetricsServer;
import dev.foodpipeline.shell.Shell;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The runnable jar's entry point: polls Kafka, the Streams instances, Connect and PostgreSQL
 * ({@link Poller}) and serves the page and its live snapshot ({@link DashboardHttp}) until
 * SIGTERM/Ctrl-C.
 */
@Command(
    name = "dashboard",
    mixinStandardHelpOptions = true,
    version = "dashboard 1.0.0",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "The live dashboard of the pipeline on one page: the pipeline as a picture with rates and"
          + " lags, which Streams instance and thread owns which partition, orders per second,"
          + " end-to-end latency, rejections by reason, the restaurants' windows and the"
          + " connectors' tasks. GET / (the page), /api/snapshot (JSON), /api/events"
          + " (server-sent events, a snapshot per interval), /health.",
      "A flag wins over FOOD_DASHBOARD_<FLAG>, that over --config-file, that over the default."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:stopped on request (after SIGTERM the JVM itself reports 143)",
      "2:bad flag or setting; the HTTP or metrics port cannot be bound",
      "70:internal error (a bug)"
    })
public final class Main implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(Main.class);
  static final String ENV_NAME = "DASHBOARD";

  @Option(
      names = "--http-host",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description = "address the page is served on; 0.0.0.0 for all (default ${DEFAULT-VALUE})")
  String httpHost;

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      defaultValue = "8080",
      converter = Converters.Int.class,
      description = "port of the page; 0 for any free one (default ${DEFAULT-VALUE})")
  int httpPort;

  @Option(
      names = {"-b", "--bootstrap-servers"},
      paramLabel = "HOST:PORT",
      defaultValue = "127.0.0.1:9092",
      description = "Kafka: topic end offsets and consumer group lags (default ${DEFAULT-VALUE})")
  String bootstrapServers;

  @Option(
      names = "--streams-urls",
      paramLabel = "URL[,URL]",
      defaultValue = "http://127.0.0.1:7070,http://127.0.0.1:7071",
      description =
          "streams-app instances' HTTP API; the first that answers names the others (default ${DEFAULT-VALUE})")
  String streamsUrls;

  @Option(
      names = "--connect-url",
      paramLabel = "URL",
      defaultValue = "http://127.0.0.1:8083",
      description = "the Connect worker's REST API (default ${DEFAULT-VALUE})")
  String connectUrl;

  @Option(
      names = "--jdbc-url",
      paramLabel = "URL",
      defaultValue = "jdbc:postgresql://127.0.0.1:5432/food",
      description = "the pipeline's PostgreSQL (default ${DEFAULT-VALUE})")
  String jdbcUrl;

  @Option(
      names = "--jdbc-user",
      paramLabel = "USER",
      defaultValue = "food",
      description = "(default ${DEFAULT-VALUE})")
  String jdbcUser;

  @Option(
      names = "--jdbc-password",
      paramLabel = "PASSWORD",
      defaultValue = "food",
      description = "(default: food)")
  String jdbcPassword;

  @Option(
      names = "--jdbc-password-file",
      paramLabel = "FILE",
      converter = Converters.ExistingFile.class,
      description =
          "read the password from this file instead (compose: the generated one); wins over --jdbc-password")
  java.nio.file.Path jdbcPasswordFile;

  @Option(
      names = "--interval-ms",
      paramLabel = "MS",
      defaultValue = "1000",
      converter = Converters.WholeNumber.class,
      description =
          "how often everything is polled and pushed to the page (default ${DEFAULT-VALUE})")
  long intervalMs;

  @Option(
      names = "--config-file",
      paramLabel = "FILE",
      description = "a .properties file of settings: flags without their dashes (http-port=8080)")
  java.nio.file.Path configFile;

  @Mixin MetricsOptions metrics = new MetricsOptions(MetricsOptions.CLIENT_RULES);

  private final CountDownLatch stop = new CountDownLatch(1);

  /** The HTTP port bound, once it is (for tests); 0 before. */
  volatile int boundHttpPort;

  public static void main(String[] args) {
    Main main = new Main();
    System.exit(
        Shell.runUntilStopped(
            commandLine(main, System.getenv()),
            args,
            main::requestStop,
            () -> Duration.ofSeconds(5)));
  }

  /** The command with the shell's error handling: a bad setting is one line and exit code 2. */
  static CommandLine commandLine(Main main, Map<String, String> env) {
    Defaults defaults = new Defaults(ENV_NAME, env);
    ErrorClassifier errors =
        new ErrorClassifier("dashboard")
            .on(SettingsException.class, ExitCodes.USAGE)
            .on(MetricsServer.StartException.class, ExitCodes.USAGE);
    return Shell.withEnvironmentHelp(
        Shell.commandLine(main, defaults, errors, "dashboard: "), defaults);
  }

  DashboardSettings settings() {
    return new DashboardSettings(
        httpHost,
        httpPort,
        bootstrapServers,
        DashboardSettings.urls("--streams-urls", streamsUrls),
        DashboardSettings.uri("--connect-url", connectUrl),
        jdbcUrl,
        jdbcUser,
        password(),
        Duration.ofMillis(intervalMs));
  }

  private String password() {
    if (jdbcPasswordFile == null) {
      return jdbcPassword;
    }
    try {
      return Files.readString(jdbcPasswordFile).strip();
    } catch (IOException e) {
      throw new SettingsException(
          "--jdbc-password-file " + jdbcPasswordFile + " cannot be read: " + e.getMessage());
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    DashboardSettings settings = settings();
    try (MetricsServer metricsServer = metrics.start();
        Poller poller = Poller.create(settings);
        DashboardHttp http = DashboardHttp.start(settings, poller)) {
      poller.pollEvery(settings.interval());
      if (metricsServer.port() >= 0) {
        log.info("Metrics on {}", metricsServer.url());
      }
      boundHttpPort = http.port();
      log.info("Dashboard on http://{}:{}/ ({})", settings.httpHost(), http.port(), settings);
      stop.await();
      return ExitCodes.OK;
    }
  }

  void requestStop() {
    stop.countDown();
  }
}
