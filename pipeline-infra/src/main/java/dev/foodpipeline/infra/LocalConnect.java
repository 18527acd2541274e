package dev.foodpipeline.infra;

import dev.foodpipeline.shell.Converters;
import dev.foodpipeline.shell.Defaults;
import dev.foodpipeline.shell.MetricsOptions;
import dev.foodpipeline.shell.MetricsServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.Utils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The local stack's Kafka Connect worker: {@code ConnectDistributed} with settings on top of the
 * worker file (the stock main class reads only the file, so an absolute {@code plugin.path} could
 * not be passed), one "ready" line once {@code GET /health} answers, then running until SIGTERM.
 * Worker properties come from {@code --worker-config FILE}, then {@code kafka.*} of the {@code
 * --config-file}, then {@code -c KEY=VALUE}, then {@code --bootstrap-servers} when given.
 */
@Command(
    name = "local-connect",
    mixinStandardHelpOptions = true,
    version = "local-connect 1.0.0",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Runs a distributed Kafka Connect worker until SIGTERM.",
      "A flag wins over FOOD_LOCAL_CONNECT_<FLAG>, that over --config-file, that over the default."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:stopped on request (SIGTERM)",
      "2:bad flag, setting or worker property",
      "6:could not start: the REST port taken, the worker failed to start",
      "70:internal error (a bug)"
    })
public final class LocalConnect implements Callable<Integer> {

  /** {@code --config FILE} was the worker properties file before the shell. */
  static final class WorkerSetting extends Converters.KeyValue {
    public WorkerSetting() {
      super("the worker properties file is --worker-config FILE");
    }
  }

  @Spec private CommandSpec spec;

  @Option(
      names = "--worker-config",
      paramLabel = "FILE",
      required = true,
      converter = Converters.ExistingFile.class,
      description = "worker properties, e.g. connect/config/connect-distributed.properties")
  private Path workerConfig;

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT[,...]",
      description =
          "Kafka; wins over bootstrap.servers of the worker file and -c (default: theirs)")
  private String bootstrapServers;

  @Option(
      names = "--config-file",
      paramLabel = "FILE",
      description =
          "a .properties file of settings: flags without their dashes (bootstrap-servers=kafka:9092)"
              + " and worker properties as kafka.<name> (kafka.group.id=food-connect)")
  private Path configFile;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "KEY=VALUE",
      converter = WorkerSetting.class,
      description =
          "a worker property over the file, e.g. plugin.path=/abs/connect/target/plugins; repeatable")
  private List<Map.Entry<String, String>> config = new ArrayList<>();

  /** The flag of the same meaning before the shell, kept working. */
  @Option(names = "--set", paramLabel = "KEY=VALUE", hidden = true, converter = WorkerSetting.class)
  private List<Map.Entry<String, String>> set = new ArrayList<>();

  @Mixin private MetricsOptions metrics = new MetricsOptions(MetricsOptions.CLIENT_RULES);

  private final ShutdownSignal shutdown;

  LocalConnect(ShutdownSignal shutdown) {
    this.shutdown = shutdown;
  }

  public static void main(String[] args) {
    ShutdownSignal shutdown = ShutdownSignal.onJvmShutdown();
    Commands.main(new LocalConnect(shutdown), shutdown, args);
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Map<String, String> properties = workerProperties();
    for (String listener :
        properties.getOrDefault("listeners", "http://127.0.0.1:8083").split(",")) {
      URI uri = restListener(listener.trim());
      if (uri.getPort() > 0 && Ports.isTaken(uri.getHost(), uri.getPort())) {
        throw new Commands.StartFailedException(
            String.format(
                "Port %d on %s (Connect REST) is already in use: is another worker running?",
                uri.getPort(), uri.getHost()));
      }
    }
    try (MetricsServer metricsServer = metrics.start();
        ConnectWorker worker =
            Commands.starting("Kafka Connect", () -> ConnectWorker.start(properties))) {
      out.printf(
          "Kafka Connect ready at %s (Kafka %s, plugins %s)%s%n",
          worker.restUrl(),
          properties.get("bootstrap.servers"),
          properties.get("plugin.path"),
          LocalKafka.metricsLine(metricsServer));
      out.flush();
      shutdown.awaitStopRequest();
    }
    out.println("Kafka Connect stopped");
    out.flush();
    return 0;
  }

  /**
   * The worker's properties: the file, then {@code kafka.*} of the config file, then {@code --set}
   * and {@code -c}, then {@code --bootstrap-servers} when given.
   */
  Map<String, String> workerProperties() throws IOException {
    Map<String, String> properties =
        new LinkedHashMap<>(Utils.propsToStringMap(Utils.loadProps(workerConfig.toString())));
    properties.putAll(Defaults.kafkaSettingsOf(spec, set, config));
    if (bootstrapServers != null) {
      properties.put("bootstrap.servers", bootstrapServers);
    }
    return properties;
  }

  private static URI restListener(String listener) {
    try {
      return URI.create(listener);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("listeners", listener, e.getMessage());
    }
  }
}
