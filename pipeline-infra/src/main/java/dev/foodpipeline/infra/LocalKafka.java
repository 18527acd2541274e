package dev.foodpipeline.infra;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.common.utils.Utils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The local stack's broker: a process that formats the log dir on first start (a restart reuses
 * it), runs a KRaft broker+controller from a properties file, prints one "ready" line and runs
 * until SIGTERM.
 */
@Command(
    name = "local-kafka",
    mixinStandardHelpOptions = true,
    description =
        "Runs a single-node KRaft Kafka broker until SIGTERM, formatting its log dir on first start.")
public final class LocalKafka implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--config",
      required = true,
      description = "Broker properties, e.g. pipeline-infra/config/kafka/server.properties.")
  private Path config;

  @Option(
      names = "--log-dir",
      required = true,
      description = "Log dir (overrides log.dirs); reused after a restart.")
  private Path logDir;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Any other broker property, applied last.")
  private Map<String, String> overrides = new LinkedHashMap<>();

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
    PrintWriter err = spec.commandLine().getErr();
    Properties properties = Utils.loadProps(config.toString());
    properties.putAll(overrides);
    properties.setProperty("log.dirs", logDir.toAbsolutePath().toString());
    for (Listeners.Endpoint endpoint :
        Listeners.parse(properties.getProperty("listeners", "")).values()) {
      if (Ports.isTaken(endpoint.host(), endpoint.port())) {
        err.printf(
            "Port %d on %s (listener %s) is already in use: is another broker running?%n",
            endpoint.port(), endpoint.host(), endpoint.name());
        err.flush();
        return 1;
      }
    }
    try (KafkaBroker broker = KafkaBroker.launch(properties, null)) {
      out.printf(
          "Kafka ready on %s (log dir %s)%n", broker.bootstrapServers(), logDir.toAbsolutePath());
      out.flush();
      shutdown.awaitStopRequest();
    }
    out.println("Kafka stopped");
    out.flush();
    return 0;
  }
}
