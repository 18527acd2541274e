package dev.foodpipeline.infra;

import dev.foodpipeline.infra.stack.LocalStack;
import dev.foodpipeline.infra.stack.Readiness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A distributed-mode Kafka Connect worker running in this JVM. It reads the same worker file as the
 * local stack ({@code connect/config/connect-distributed.properties}) and applies the overrides a
 * test needs on top: bootstrap servers, a free REST port, the plugin folder and, if asked, its own
 * group id and storage topics.
 *
 * <pre>{@code
 * try (ConnectWorker connect = ConnectWorker.builder()
 *         .workerConfig(Path.of("../connect/config/connect-distributed.properties"))
 *         .bootstrapServers(broker.bootstrapServers())
 *         .pluginPath(Path.of("../connect/target/plugins"))
 *         .start()) {
 *     URI rest = URI.create(connect.restUrl());
 * }
 * }</pre>
 */
public final class ConnectWorker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectWorker.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
  private static final Readiness.HttpOk READY = LocalStack.load().component("connect").httpCheck();

  private final Connect<?> connect;
  private final String restUrl;
  private boolean closed;

  private ConnectWorker(Connect<?> connect, String restUrl) {
    this.connect = connect;
    this.restUrl = restUrl;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a worker from exactly these properties and waits until its REST API reports healthy (the
   * local stack's readiness check of Connect). Used by {@link Builder#start()} and by {@link
   * LocalConnect}.
   */
  static ConnectWorker start(Map<String, String> workerProperties) {
    long started = System.nanoTime();
    Connect<?> connect = new ConnectDistributed().startConnect(workerProperties);
    String restUrl = withSlash(connect.rest().serverUrl().toString());
    ConnectWorker worker = new ConnectWorker(connect, restUrl);
    try {
      awaitHealthy(restUrl, READY_TIMEOUT);
    } catch (RuntimeException e) {
      worker.close();
      throw e;
    }
    LOG.info(
        "Kafka Connect REST ready at {} in {} ms",
        restUrl,
        Duration.ofNanos(System.nanoTime() - started).toMillis());
    return worker;
  }

  /** The REST base URL, ending in a slash, for example {@code http://127.0.0.1:41234/}. */
  public String restUrl() {
    return restUrl;
  }

  /** Stops the worker (its connectors and tasks too). Safe to call twice. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    connect.stop();
    connect.awaitStop();
    LOG.info("Kafka Connect at {} stopped", restUrl);
  }

  /**
   * Polls the local stack's readiness check of Connect ({@code connect.ready} in {@code
   * config/local-stack.properties}: {@code GET /health}) until it answers 200, or fails after
   * {@code timeout} naming the last answer.
   */
  static void awaitHealthy(String restUrl, Duration timeout) {
    READY.await("Kafka Connect", restUrl, timeout);
  }

  private static String withSlash(String url) {
    return url.endsWith("/") ? url : url + "/";
  }

  /** Options for {@link ConnectWorker}; anything not set comes from the worker file. */
  public static final class Builder {

    private Path workerConfig;
    private String bootstrapServers;
    private Path pluginPath;
    private String groupId;
    private int restPort;
    private final Map<String, String> overrides = new LinkedHashMap<>();

    private Builder() {}

    /**
     * The worker properties file to start from, e.g. {@code
     * connect/config/connect-distributed.properties}.
     */
    public Builder workerConfig(Path workerConfig) {
      this.workerConfig = workerConfig;
      return this;
    }

    public Builder bootstrapServers(String bootstrapServers) {
      this.bootstrapServers = bootstrapServers;
      return this;
    }

    /** The folder holding plugin folders, e.g. {@code connect/target/plugins}. */
    public Builder pluginPath(Path pluginPath) {
      this.pluginPath = pluginPath;
      return this;
    }

    /** A group id of its own, with storage topics named after it ({@code <group>-configs} etc.). */
    public Builder groupId(String groupId) {
      this.groupId = groupId;
      return this;
    }

    /** The REST port; 0 (the default) takes a free one, chosen when the properties are built. */
    public Builder restPort(int restPort) {
      this.restPort = restPort;
      return this;
    }

    /** Any other worker property, applied last. */
    public Builder set(String key, String value) {
      overrides.put(key, value);
      return this;
    }

    /** The properties the worker will start with: the file, then the test overrides. */
    Map<String, String> workerProperties() {
      Map<String, String> properties = new LinkedHashMap<>();
      if (workerConfig != null) {
        try {
          properties.putAll(Utils.propsToStringMap(Utils.loadProps(workerConfig.toString())));
        } catch (IOException e) {
          throw new UncheckedIOException("Couldn't read the worker config " + workerConfig, e);
        }
      }
      // A port known before the start (a free one unless set), advertised as such: the worker id
      // (host:port) is then the REST address, which the task healer uses to know its own tasks.
      int port = restPort != 0 ? restPort : Ports.free();
      properties.put("listeners", "http://127.0.0.1:" + port);
      properties.put("rest.advertised.host.name", "127.0.0.1");
      properties.put("rest.advertised.port", Integer.toString(port));
      if (bootstrapServers != null) {
        properties.put("bootstrap.servers", bootstrapServers);
      }
      if (pluginPath != null) {
        properties.put("plugin.path", pluginPath.toAbsolutePath().toString());
      }
      if (groupId != null) {
        properties.put("group.id", groupId);
        properties.put("config.storage.topic", groupId + "-configs");
        properties.put("offset.storage.topic", groupId + "-offsets");
        properties.put("status.storage.topic", groupId + "-status");
      }
      properties.putAll(overrides);
      return properties;
    }

    /** Starts the worker and waits until {@code GET /health} answers 200. */
    public ConnectWorker start() {
      return ConnectWorker.start(workerProperties());
    }
  }
}
