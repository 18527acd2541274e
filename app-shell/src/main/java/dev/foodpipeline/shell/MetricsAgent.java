package dev.foodpipeline.shell;

import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link MetricsServer} as a java agent, for a JVM whose main class is not ours: compose's broker
 * and Connect worker run Kafka's own start scripts in the {@code apache/kafka} image. {@code
 * -javaagent:/opt/food-metrics/metrics-agent.jar=port=9404,host=0.0.0.0,rules=/etc/food/metrics/rules.yml}
 * serves the same metrics, from the same rules file, as {@code --metrics-port} does in our programs
 * (docs/decisions.md 16). The jar is app-shell's {@code metrics-agent} artifact (shaded).
 */
public final class MetricsAgent {
  private static volatile MetricsServer server;

  private MetricsAgent() {}

  /**
   * The agent's entry point: {@code port=PORT[,host=HOST][,rules=FILE]}. A port that cannot be
   * bound or rules that cannot be read leave the JVM running without metrics, with one line on
   * stderr: the broker matters more than its metrics (Prometheus's {@code up} shows the gap).
   */
  public static void premain(String arguments, Instrumentation instrumentation) {
    try {
      premain(arguments);
    } catch (RuntimeException e) {
      System.err.println("metrics agent: " + Errors.oneLineOf(e) + "; running without metrics");
    }
  }

  /** As {@link #premain(String, Instrumentation)}. */
  public static void premain(String arguments) {
    Map<String, String> settings = parse(arguments);
    String port = settings.get("port");
    if (port == null) {
      throw new IllegalArgumentException(
          "metrics agent: expected port=PORT[,host=HOST][,rules=FILE], got '" + arguments + "'");
    }
    String rules = settings.get("rules");
    Path file = rules == null ? null : Path.of(rules);
    server =
        MetricsServer.start(
            settings.getOrDefault("host", "0.0.0.0"),
            port(port),
            MetricsServer.rulesOf(
                file, settings.getOrDefault("bundled", MetricsOptions.BROKER_RULES)),
            rules == null ? "the bundled rules" : rules);
  }

  /** No picocli here: the agent jar holds only what the server needs. */
  private static int port(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // the message below says what was expected
    }
    throw new IllegalArgumentException(
        "metrics agent: port must be a port from 1 to 65535, got '" + value + "'");
  }

  /** The server the agent started, or null (for tests). */
  static MetricsServer server() {
    return server;
  }

  static Map<String, String> parse(String arguments) {
    Map<String, String> settings = new LinkedHashMap<>();
    if (arguments == null || arguments.isBlank()) {
      return settings;
    }
    for (String pair : arguments.split(",")) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException(
            "metrics agent: expected KEY=VALUE, got '" + pair + "' in '" + arguments + "'");
      }
      settings.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
    }
    return settings;
  }
}
