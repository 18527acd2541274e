package dev.foodpipeline.infra;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.utils.Utils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The local stack's Kafka Connect worker: {@code ConnectDistributed} with overrides on top of the
 * worker file (the stock main class reads only the file, so an absolute {@code plugin.path} could
 * not be passed), one "ready" line once {@code GET /health} answers, then running until SIGTERM.
 */
@Command(
    name = "local-connect",
    mixinStandardHelpOptions = true,
    description = "Runs a distributed Kafka Connect worker until SIGTERM.")
public final class LocalConnect implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--config",
      required = true,
      description = "Worker properties, e.g. connect/config/connect-distributed.properties.")
  private Path config;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "A worker property applied over the file, e.g. plugin.path=/abs/connect/target/plugins.")
  private Map<String, String> overrides = new LinkedHashMap<>();

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
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> properties =
        new LinkedHashMap<>(Utils.propsToStringMap(Utils.loadProps(config.toString())));
    properties.putAll(overrides);
    for (String listener :
        properties.getOrDefault("listeners", "http://127.0.0.1:8083").split(",")) {
      URI uri = URI.create(listener.trim());
      if (uri.getPort() > 0 && Ports.isTaken(uri.getHost(), uri.getPort())) {
        err.printf(
            "Port %d on %s (Connect REST) is already in use: is another worker running?%n",
            uri.getPort(), uri.getHost());
        err.flush();
        return 1;
      }
    }
    try (ConnectWorker worker = ConnectWorker.start(properties)) {
      out.printf(
          "Kafka Connect ready at %s (Kafka %s, plugins %s)%n",
          worker.restUrl(), properties.get("bootstrap.servers"), properties.get("plugin.path"));
      out.flush();
      shutdown.awaitStopRequest();
    }
    out.println("Kafka Connect stopped");
    out.flush();
    return 0;
  }
}
