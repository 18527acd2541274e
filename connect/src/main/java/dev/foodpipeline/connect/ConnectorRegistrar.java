package dev.foodpipeline.connect;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
 * <p>No password is given on its command line: {@code --schema} connects with the connectors' own
 * {@code connection.password}, whose config provider reference (for example {@code
 * ${directory:/run/secrets/food-db:password}}) it resolves as the worker does.
 */
@Command(
    name = "register-connectors",
    mixinStandardHelpOptions = true,
    description =
        "Applies the schema and registers the JDBC sink connectors with Kafka Connect (idempotent).")
public final class ConnectorRegistrar implements Callable<Integer> {

  static final int FAILED = 1;
  static final int BUG = 3;

  private static final Logger LOG = LoggerFactory.getLogger(ConnectorRegistrar.class);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

  @Spec private CommandSpec spec;

  @Option(
      names = "--connect-url",
      defaultValue = "http://127.0.0.1:8083",
      description = "Kafka Connect REST URL (default: ${DEFAULT-VALUE}).")
  private URI connectUrl;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "A config value applied to every connector, e.g. connection.url=jdbc:postgresql://postgres:5432/food.")
  private Map<String, String> overrides = new LinkedHashMap<>();

  @Option(
      names = "--schema",
      paramLabel = "SQL_FILE",
      description = "SQL to apply first, e.g. connect/sql/schema.sql (idempotent DDL).")
  private Path schema;

  @Option(
      names = "--jdbc-url",
      description = "Where --schema goes (default: the connectors' connection.url).")
  private String jdbcUrl;

  @Option(names = "--jdbc-user", description = "Default: the connectors' connection.username.")
  private String jdbcUser;

  @Option(
      names = "--timeout",
      defaultValue = "120",
      description = "Seconds to wait for Connect and for RUNNING (default: ${DEFAULT-VALUE}).")
  private long timeoutSeconds;

  @Option(names = "--no-wait", description = "Register and return without waiting for RUNNING.")
  private boolean noWait;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE_OR_FOLDER",
      description = "Connector JSON files, or folders whose *.json files are read in name order.")
  private List<Path> sources = new ArrayList<>();

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with its one error mapping: plain failures are one line and exit 1. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new ConnectorRegistrar());
    commandLine.setExecutionExceptionHandler(
        (error, cmd, parseResult) -> {
          if (error instanceof RegistrarException) {
            cmd.getErr().println(error.getMessage());
            cmd.getErr().flush();
            return FAILED;
          }
          LOG.error("Unexpected error", error);
          cmd.getErr().println("Unexpected error: " + error);
          cmd.getErr().flush();
          return BUG;
        });
    return commandLine;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<ConnectorConfig> connectors =
        load(sources).stream()
            .map(connector -> connector.withOverrides(overrides))
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
        ConfigReferences.resolve(connector.config(), "connection.password"));
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
