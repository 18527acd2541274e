package dev.foodpipeline.connect;

import dev.foodpipeline.shell.Converters;
import dev.foodpipeline.shell.Defaults;
import dev.foodpipeline.shell.ErrorClassifier;
import dev.foodpipeline.shell.Errors;
import dev.foodpipeline.shell.ExitCodes;
import dev.foodpipeline.shell.Failure;
import dev.foodpipeline.shell.Shell;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Applies the PostgreSQL schema, then creates or updates the sink connectors and waits until they
 * and their tasks are RUNNING. Running it again with the same files changes nothing.
 *
 * <pre>
 * java -cp 'connect/target/lib/*' dev.foodpipeline.connect.ConnectorRegistrar \
 *     --schema connect/sql/schema.sql connect/connectors
 * </pre>
 *
 * <p>Its settings come from flags, {@code FOOD_REGISTRAR_<FLAG>}, the shared database names ({@code
 * FOOD_JDBC_URL}, {@code FOOD_DB_USER}, {@code FOOD_DB_PASSWORD}) and {@code --config-file}, whose
 * {@code kafka.<name>} entries, like {@code -c KEY=VALUE}, are connector settings. No password
 * needs to be given: {@code --schema} connects with the connectors' own {@code
 * connection.password}, whose config provider reference (for example {@code
 * ${directory:/run/secrets/food-db:password}}) it resolves as the worker does.
 */
@Command(
    name = "register-connectors",
    mixinStandardHelpOptions = true,
    version = "register-connectors 1.0.0",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Applies the schema and registers the JDBC sink connectors with Kafka Connect (idempotent).",
      "A flag wins over FOOD_REGISTRAR_<FLAG>, that over the shared FOOD_JDBC_URL, FOOD_DB_USER and"
          + " FOOD_DB_PASSWORD, that over --config-file, that over the default."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:every connector registered (and RUNNING unless --no-wait)",
      "1:registration failed: Connect unreachable or refusing, a connector FAILED or not RUNNING in"
          + " time, the schema not applied",
      "2:bad flag or setting",
      "70:internal error (a bug)"
    })
public final class ConnectorRegistrar implements Callable<Integer> {

  static final int FAILED = ExitCodes.PROBLEM;

  /** The program's name in its variables: {@code FOOD_REGISTRAR_<FLAG>}. */
  static final String ENV_NAME = "REGISTRAR";

  private static final Logger LOG = LoggerFactory.getLogger(ConnectorRegistrar.class);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

  @Spec private CommandSpec spec;

  @Option(
      names = "--connect-url",
      paramLabel = "URL",
      defaultValue = "http://127.0.0.1:8083",
      description = "Kafka Connect REST URL (default ${DEFAULT-VALUE})")
  private URI connectUrl;

  @Option(
      names = "--schema",
      paramLabel = "SQL_FILE",
      description = "SQL to apply first, e.g. connect/sql/schema.sql (idempotent DDL)")
  private Path schema;

  @Option(
      names = "--jdbc-url",
      paramLabel = "URL",
      description = "where --schema goes (default the connectors' connection.url)")
  private String jdbcUrl;

  @Option(
      names = "--jdbc-user",
      paramLabel = "USER",
      description = "its user (default the connectors' connection.username)")
  private String jdbcUser;

  @Option(
      names = "--jdbc-password",
      paramLabel = "PASSWORD",
      description =
          "its password; better from FOOD_DB_PASSWORD (default the connectors' connection.password,"
              + " a config provider reference resolved as the worker does)")
  private String jdbcPassword;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "120",
      converter = Converters.WholeNumber.class,
      description = "seconds to wait for Connect and for RUNNING (default ${DEFAULT-VALUE})")
  private long timeoutSeconds;

  @Option(names = "--no-wait", description = "register and return without waiting for RUNNING")
  private boolean noWait;

  @Option(
      names = "--config-file",
      paramLabel = "FILE",
      description =
          "a .properties file of settings: flags without their dashes (connect-url=http://connect:8083)"
              + " and connector settings as kafka.<name> (kafka.connection.url=jdbc:postgresql://...)")
  private Path configFile;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "KEY=VALUE",
      converter = Converters.KeyValue.class,
      description =
          "a config value applied to every connector, e.g."
              + " connection.url=jdbc:postgresql://postgres:5432/food; repeatable")
  private List<Map.Entry<String, String>> config = new ArrayList<>();

  /** The flag of the same meaning before the shell, kept working. */
  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      hidden = true,
      converter = Converters.KeyValue.class)
  private List<Map.Entry<String, String>> set = new ArrayList<>();

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE_OR_FOLDER",
      description = "connector JSON files, or folders whose *.json files are read in name order")
  private List<Path> sources = new ArrayList<>();

  public static void main(String[] args) {
    System.exit(commandLine(System.getenv()).execute(args));
  }

  /** The command line without the environment (tests, in-process callers). */
  public static CommandLine commandLine() {
    return commandLine(Map.of());
  }

  /**
   * The command line on the shared shell: a registration failure is one line and exit 1, a bad
   * setting exit 2, anything else a bug (exit 70).
   */
  public static CommandLine commandLine(Map<String, String> env) {
    Defaults defaults = new Defaults(ENV_NAME, env);
    ErrorClassifier errors =
        new ErrorClassifier("register-connectors")
            .on(RegistrarException.class, FAILED)
            .on(
                ConfigException.class,
                e -> new Failure(ExitCodes.USAGE, Errors.oneLine(e.getMessage())));
    return Shell.withEnvironmentHelp(
        Shell.commandLine(new ConnectorRegistrar(), defaults, errors, ""), defaults);
  }

  /** The settings applied to every connector: {@code kafka.*} of the config file, then -c. */
  private Map<String, String> overrides() {
    return Defaults.kafkaSettingsOf(spec, set, config);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<ConnectorConfig> connectors =
        load(sources).stream()
            .map(connector -> connector.withOverrides(overrides()))
            .collect(Collectors.toList());
    if (schema != null) {
      applySchema(connectors.get(0), out);
    }
    ConnectRestClient client = new ConnectRestClient(connectUrl);
    long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
    for (ConnectorConfig connector : connectors) {
      out.println(connector.name() + ": " + register(client, connector, deadline));
      out.flush();
    }
    if (!noWait) {
      for (ConnectorStatus status : awaitRunning(client, connectors, deadline)) {
        out.println(
            status.name()
                + ": RUNNING ("
                + status.tasks().size()
                + " task"
                + (status.tasks().size() == 1 ? "" : "s")
                + ")");
      }
    }
    out.flush();
    return 0;
  }

  /** Reads the files, and the *.json files of the folders, in the order given. */
  static List<ConnectorConfig> load(List<Path> sources) {
    List<ConnectorConfig> connectors = new ArrayList<>();
    for (Path source : sources) {
      if (Files.isDirectory(source)) {
        try (Stream<Path> files = Files.list(source)) {
          files
              .filter(file -> file.getFileName().toString().endsWith(".json"))
              .sorted()
              .forEach(file -> connectors.add(ConnectorConfig.read(file)));
        } catch (IOException e) {
          throw new RegistrarException("Couldn't list connector folder " + source + ": " + e);
        }
      } else {
        connectors.add(ConnectorConfig.read(source));
      }
    }
    if (connectors.isEmpty()) {
      throw new RegistrarException("No connector files found in " + sources);
    }
    return connectors;
  }

  private void applySchema(ConnectorConfig connector, PrintWriter out) {
    String url = orDefault(jdbcUrl, connector, "connection.url");
    SchemaApplier.apply(
        schema,
        url,
        orDefault(jdbcUser, connector, "connection.username"),
        jdbcPassword != null
            ? jdbcPassword
            : ConfigReferences.resolve(connector.config(), "connection.password"));
    out.println("Applied " + schema + " to " + url);
    out.flush();
  }

  private static String orDefault(String given, ConnectorConfig connector, String key) {
    if (given != null) {
      return given;
    }
    String fromConnector = connector.config().get(key);
    if (fromConnector == null) {
      throw new RegistrarException(
          "--schema needs a JDBC setting: give --jdbc-* or put " + key + " in " + connector.name());
    }
    return fromConnector;
  }

  /** Creates or updates the connector unless Connect already holds exactly this config. */
  static String register(ConnectRestClient client, ConnectorConfig connector, long deadline) {
    while (true) {
      try {
        Optional<Map<String, String>> current = client.config(connector.name());
        if (current.isPresent() && current.get().equals(connector.configWithName())) {
          return "unchanged";
        }
        return client.putConfig(connector) ? "created" : "updated";
      } catch (ConnectRestClient.ConnectRequestException e) {
        if (!e.isRebalancing() || System.nanoTime() > deadline) {
          throw e;
        }
        LOG.info("Kafka Connect is rebalancing; registering {} again shortly", connector.name());
        pause();
      }
    }
  }

  /** Polls until every connector and all its tasks are RUNNING; fails at once on FAILED. */
  static List<ConnectorStatus> awaitRunning(
      ConnectRestClient client, List<ConnectorConfig> connectors, long deadline) {
    while (true) {
      List<ConnectorStatus> statuses = new ArrayList<>();
      List<String> waitingFor = new ArrayList<>();
      for (ConnectorConfig connector : connectors) {
        Optional<ConnectorStatus> status =
            statusUnlessRebalancing(client, connector.name(), deadline);
        if (status.isPresent() && status.get().isFailed()) {
          throw new RegistrarException(
              connector.name() + " FAILED: " + status.get().firstFailure());
        }
        if (status.isPresent() && status.get().isRunning()) {
          statuses.add(status.get());
        } else {
          waitingFor.add(
              connector.name()
                  + " ("
                  + status.map(ConnectorStatus::summary).orElse("no status yet")
                  + ")");
        }
      }
      if (waitingFor.isEmpty()) {
        return statuses;
      }
      if (System.nanoTime() > deadline) {
        throw new RegistrarException("Not RUNNING in time: " + String.join("; ", waitingFor));
      }
      pause();
    }
  }

  private static Optional<ConnectorStatus> statusUnlessRebalancing(
      ConnectRestClient client, String name, long deadline) {
    try {
      return client.status(name);
    } catch (ConnectRestClient.ConnectRequestException e) {
      if (!e.isRebalancing() || System.nanoTime() > deadline) {
        throw e;
      }
      return Optional.empty();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_INTERVAL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistrarException("Interrupted while waiting for Kafka Connect");
    }
  }
}
