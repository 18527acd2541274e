package dev.foodpipeline.shell;

import io.prometheus.jmx.JmxCollector;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.MalformedObjectNameException;

/**
 * This JVM's metrics in Prometheus's text format on {@code http://HOST:PORT/metrics}: every MBean
 * the JMX exporter rules name (Kafka's client, Streams, Connect and broker metrics: the same rules
 * files compose uses, {@code docker/jmx-exporter/*.yml}), plus JVM and process metrics (heap,
 * {@code process_resident_memory_bytes}, threads, GC). The JMX exporter's collector library and the
 * Prometheus Java client's HTTP server, in process: no java agent (docs/decisions.md 16).
 */
public final class MetricsServer implements AutoCloseable {

  /** Where the rules files of {@code docker/jmx-exporter} are bundled in this jar. */
  static final String BUNDLED_RULES = "/dev/foodpipeline/shell/metrics/";

  /** The port could not be bound, or the rules could not be read: one line says which. */
  public static final class StartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StartException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** No endpoint: what a program without {@code --metrics-port} holds. */
  public static final MetricsServer NONE = new MetricsServer(null, "");

  private final HTTPServer server;
  private final String host;

  private MetricsServer(HTTPServer server, String host) {
    this.server = server;
    this.host = host;
  }

  /**
   * Serves the metrics the rules select on {@code host:port} (port 0: any free port).
   *
   * @param rules the JMX exporter rules, YAML
   * @param rulesName where the rules came from, for messages
   */
  public static MetricsServer start(String host, int port, String rules, String rulesName) {
    PrometheusRegistry registry = new PrometheusRegistry();
    try {
      new JmxCollector(rules).register(registry);
    } catch (MalformedObjectNameException | RuntimeException e) {
      throw new StartException(
          "Metrics: the JMX exporter rules " + rulesName + " are invalid: " + Errors.oneLineOf(e),
          e);
    }
    JvmMetrics.builder().register(registry);
    try {
      HTTPServer server =
          HTTPServer.builder().hostname(host).port(port).registry(registry).buildAndStart();
      return new MetricsServer(server, host);
    } catch (BindException e) {
      throw new StartException(
          String.format(
              "Metrics port %d on %s is already in use: is another instance running?", port, host),
          e);
    } catch (IOException e) {
      throw new StartException(
          String.format("Metrics: could not serve on %s:%d: %s", host, port, Errors.oneLineOf(e)),
          e);
    }
  }

  /** The rules of a file, or of the bundled rules file of that name (e.g. kafka-broker.yml). */
  public static String rulesOf(Path file, String bundledName) {
    if (file != null) {
      try {
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("Metrics: cannot read the rules file " + file, e);
      }
    }
    try (InputStream in = MetricsServer.class.getResourceAsStream(BUNDLED_RULES + bundledName)) {
      if (in == null) {
        throw new IllegalArgumentException("no bundled metrics rules named " + bundledName);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The port bound (the chosen one when started with 0); -1 for {@link #NONE}. */
  public int port() {
    return server == null ? -1 : server.getPort();
  }

  /** The URL a scraper uses. */
  public String url() {
    return "http://" + host + ":" + port() + "/metrics";
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}
