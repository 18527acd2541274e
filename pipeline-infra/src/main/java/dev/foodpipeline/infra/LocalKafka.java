package dev.foodpipeline.infra;

import dev.foodpipeline.shell.Converters;
import dev.foodpipeline.shell.Defaults;
import dev.foodpipeline.shell.InvalidValueException;
import dev.foodpipeline.shell.MetricsOptions;
import dev.foodpipeline.shell.MetricsServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.Utils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The local stack's broker: a process that formats the log dir on first start (a restart reuses
 * it), runs a KRaft broker+controller from a properties file, prints one "ready" line and runs
 * until SIGTERM. Broker properties come from {@code --broker-config FILE}, then {@code kafka.*} of
 * the {@code --config-file}, then {@code -c KEY=VALUE}; {@code --log-dir} sets {@code log.dirs},
 * {@code --node-id} {@code node.id}. A node of a static quorum ({@code controller.quorum.voters},
 * {@code scripts/local-stack up --brokers 3}) is formatted with the {@code --cluster-id} all its
 * nodes share.
 */
@Command(
    name = "local-kafka",
    mixinStandardHelpOptions = true,
    version = "local-kafka 1.0.0",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Runs a KRaft Kafka broker+controller until SIGTERM, formatting its log dir on first start:",
      "a single node, or one node of a static quorum (controller.quorum.voters, --cluster-id).",
      "A flag wins over FOOD_LOCAL_KAFKA_<FLAG>, that over --config-file, that over the default."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:stopped on request (SIGTERM)",
      "2:bad flag, setting or broker property",
      "6:could not start: a listener port taken, the log dir locked, the broker failed to start",
      "70:internal error (a bug)"
    })
public final class LocalKafka implements Callable<Integer> {

  /**
   * A KRaft cluster id: 16 bytes in URL-safe base64, as {@code kafka-storage random-uuid} prints.
   */
  static final class ClusterId implements picocli.CommandLine.ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        return Uuid.fromString(value.trim()).toString();
      } catch (IllegalArgumentException e) {
        throw new InvalidValueException(
            "must be a cluster id of 22 base64 characters (kafka-storage random-uuid), got '"
                + value
                + "'");
      }
    }
  }

  /** {@code --config FILE} was the broker properties file before the shell. */
  static final class BrokerSetting extends Converters.KeyValue {
    public BrokerSetting() {
      super("the broker properties file is --broker-config FILE");
    }
  }

  @Spec private CommandSpec spec;

  @Option(
      names = "--broker-config",
      paramLabel = "FILE",
      required = true,
      converter = Converters.ExistingFile.class,
      description = "broker properties, e.g. pipeline-infra/config/kafka/server.properties")
  private Path brokerConfig;

  @Option(
      names = "--log-dir",
      paramLabel = "DIR",
      required = true,
      description = "log dir (overrides log.dirs); reused after a restart")
  private Path logDir;

  @Option(
      names = "--cluster-id",
      paramLabel = "ID",
      converter = ClusterId.class,
      description =
          "the cluster id to format the log dir with (every node of a quorum the same; a formatted"
              + " dir of another cluster is refused); default: a new one")
  private String clusterId;

  @Option(
      names = "--node-id",
      paramLabel = "N",
      converter = Converters.Int.class,
      description = "node.id (over the file and -c); default: the file's")
  private Integer nodeId;

  @Option(
      names = "--ready-timeout",
      paramLabel = "SECONDS",
      converter = Converters.Int.class,
      defaultValue = "60",
      description =
          "how long to wait for the broker to answer (a quorum node needs a second controller up);"
              + " default: ${DEFAULT-VALUE}")
  private int readyTimeoutSeconds = 60;

  @Option(
      names = "--config-file",
      paramLabel = "FILE",
      description =
          "a .properties file of settings: flags without their dashes (log-dir=/data/kafka) and"
              + " broker properties as kafka.<name> (kafka.num.partitions=3)")
  private Path configFile;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "KEY=VALUE",
      converter = BrokerSetting.class,
      description = "a broker property over the file, applied last; repeatable")
  private List<Map.Entry<String, String>> config = new ArrayList<>();

  /** The flag of the same meaning before the shell, kept working. */
  @Option(names = "--set", paramLabel = "KEY=VALUE", hidden = true, converter = BrokerSetting.class)
  private List<Map.Entry<String, String>> set = new ArrayList<>();

  @Mixin private MetricsOptions metrics = new MetricsOptions(MetricsOptions.BROKER_RULES);

  private final ShutdownSignal shutdown;

  LocalKafka(ShutdownSignal shutdown) {
    this.shutdown = shutdown;
  }

  public static void main(String[] args) {
    ShutdownSignal shutdown = ShutdownSignal.onJvmShutdown();
    Commands.main(new LocalKafka(shutdown), shutdown, args);
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Properties properties = brokerProperties();
    Duration readyTimeout = Duration.ofSeconds(readyTimeout());
    for (Listeners.Endpoint endpoint : listeners(properties.getProperty("listeners", ""))) {
      if (Ports.isTaken(endpoint.host(), endpoint.port())) {
        throw new Commands.StartFailedException(
            String.format(
                "Port %d on %s (listener %s) is already in use: is another broker running?",
                endpoint.port(), endpoint.host(), endpoint.name()));
      }
    }
    try (MetricsServer metricsServer = metrics.start();
        KafkaBroker broker =
            Commands.starting(
                "Kafka", () -> KafkaBroker.launch(properties, null, clusterId(), readyTimeout))) {
      out.printf(
          "Kafka ready on %s (log dir %s)%s%n",
          broker.bootstrapServers(), logDir.toAbsolutePath(), metricsLine(metricsServer));
      out.flush();
      shutdown.awaitStopRequest();
    }
    out.println("Kafka stopped");
    out.flush();
    return 0;
  }

  /**
   * The broker's properties: the file, then {@code kafka.*} of the config file, then {@code --set}
   * and {@code -c}; {@code log.dirs} is the log dir.
   */
  Properties brokerProperties() throws IOException {
    Properties properties = Utils.loadProps(brokerConfig.toString());
    properties.putAll(Defaults.kafkaSettingsOf(spec, set, config));
    properties.setProperty("log.dirs", logDir.toAbsolutePath().toString());
    if (nodeId != null) {
      if (nodeId < 0) {
        throw new ConfigException("node.id", nodeId, "--node-id must be 0 or more");
      }
      properties.setProperty("node.id", String.valueOf(nodeId));
    }
    return properties;
  }

  /** The cluster id to format with; empty: a new one. */
  Optional<String> clusterId() {
    return Optional.ofNullable(clusterId);
  }

  /** Seconds to wait for the broker, at least 1. */
  int readyTimeout() {
    if (readyTimeoutSeconds < 1) {
      throw new ConfigException(
          "--ready-timeout", readyTimeoutSeconds, "must be at least 1 second");
    }
    return readyTimeoutSeconds;
  }

  /** ", metrics on URL" when the metrics endpoint runs. */
  static String metricsLine(MetricsServer metricsServer) {
    return metricsServer.port() < 0 ? "" : ", metrics on " + metricsServer.url();
  }

  private static Collection<Listeners.Endpoint> listeners(String listeners) {
    try {
      return Listeners.parse(listeners).values();
    } catch (IllegalArgumentException e) {
      throw new ConfigException("listeners", listeners, e.getMessage());
    }
  }
}
