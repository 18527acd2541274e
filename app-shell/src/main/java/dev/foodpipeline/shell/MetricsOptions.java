package dev.foodpipeline.shell;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The metrics flags every long-running program shares, as a picocli mixin: {@code --metrics-port}
 * turns the endpoint on ({@code http://HOST:PORT/metrics}, see {@link MetricsServer}), {@code
 * --metrics-host} is where it listens, {@code --metrics-rules} the JMX exporter rules file
 * (default: the program's file of {@code docker/jmx-exporter}, bundled in this jar). Their
 * variables follow the shell's rule: {@code FOOD_STREAMS_METRICS_PORT}, {@code
 * FOOD_LOCAL_KAFKA_METRICS_PORT}, ….
 */
public final class MetricsOptions {

  /** The rules of the Kafka clients, Streams and Connect (generator, streams-app, Connect). */
  public static final String CLIENT_RULES = "kafka-clients.yml";

  /** The rules of the broker (and its clients). */
  public static final String BROKER_RULES = "kafka-broker.yml";

  /** Ports a TCP server may bind: 0 picks a free one (tests), 1-65535. */
  public static final class Port implements picocli.CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      int port = new Converters.Int().convert(value);
      if (port < 0 || port > 65535) {
        throw new InvalidValueException("must be a port from 1 to 65535, got " + value.trim());
      }
      return port;
    }
  }

  private final String bundledRules;

  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      converter = Port.class,
      description =
          "serve Prometheus metrics (Kafka's, the JVM's) on http://HOST:PORT/metrics (default: none)")
  Integer port;

  @Option(
      names = "--metrics-host",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description =
          "address the metrics endpoint listens on; 0.0.0.0 for all (default ${DEFAULT-VALUE})")
  String host;

  @Option(
      names = "--metrics-rules",
      paramLabel = "FILE",
      converter = Converters.ExistingFile.class,
      description =
          "JMX exporter rules: which MBeans become which metrics (default: the program's file of"
              + " docker/jmx-exporter, bundled)")
  Path rules;

  /** With the bundled rules file of that name ({@link #CLIENT_RULES}, {@link #BROKER_RULES}). */
  public MetricsOptions(String bundledRules) {
    this.bundledRules = bundledRules;
  }

  /** For picocli, which may create the mixin itself: the client rules. */
  public MetricsOptions() {
    this(CLIENT_RULES);
  }

  /** Whether {@code --metrics-port} was given. */
  public boolean enabled() {
    return port != null;
  }

  /**
   * Starts the endpoint when {@code --metrics-port} was given; otherwise returns {@link
   * MetricsServer#NONE}, which serves nothing. Throws {@link MetricsServer.StartException} when the
   * port is taken or the rules are invalid.
   */
  public MetricsServer start() {
    if (!enabled()) {
      return MetricsServer.NONE;
    }
    String name = rules != null ? rules.toString() : "docker/jmx-exporter/" + bundledRules;
    return MetricsServer.start(host, port, MetricsServer.rulesOf(rules, bundledRules), name);
  }
}
