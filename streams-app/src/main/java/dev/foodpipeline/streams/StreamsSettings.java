package dev.foodpipeline.streams;

import dev.foodpipeline.shell.StreamsRuntimeOptions;
import dev.foodpipeline.shell.streams.StreamsRuntime;
import dev.foodpipeline.streams.errors.RejectingDeserializationHandler;
import dev.foodpipeline.streams.errors.RejectingProcessingHandler;
import dev.foodpipeline.streams.errors.RejectingProductionHandler;
import dev.foodpipeline.streams.errors.WallClockOnInvalidTimestamp;
import dev.foodpipeline.streams.state.BoundedRocksDbConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The one configuration of the Streams app, typed and validated. Its options, their defaults and
 * where they are read from are {@link StreamsOptions}; {@link #builder()} parses flags the same way
 * in-process. The constructor validates every value once: a bad one fails with a {@link
 * SettingsException} whose one-line message names its flag.
 *
 * <p>Each component is the option of the same name in {@link StreamsOptions}, a duration from its
 * {@code -ms} flag; {@code httpPort} 0 means any free port (the one bound is then {@link
 * #withHttpPort}); {@code config} holds the further Kafka Streams and client properties passed
 * through as they are.
 */
public record StreamsSettings(
    String bootstrapServers,
    String applicationId,
    int threads,
    Path stateDir,
    String instanceId,
    Duration commitInterval,
    int commitAfterRecords,
    Duration closeTimeout,
    String httpHost,
    int httpPort,
    String advertisedHost,
    boolean staticMembership,
    Duration dedupRetention,
    Duration statsGrace,
    int rocksDbMemoryMb,
    Map<String, String> config)
    implements StreamsRuntime {

  public static final String DEFAULT_APPLICATION_ID = "food-orders-streams";
  public static final Duration DEFAULT_COMMIT_INTERVAL =
      Duration.ofMillis(Long.parseLong(StreamsRuntimeOptions.COMMIT_INTERVAL_MS));
  public static final Duration DEFAULT_CLOSE_TIMEOUT =
      Duration.ofMillis(Long.parseLong(StreamsRuntimeOptions.CLOSE_TIMEOUT_MS));

  /** Half an hour: the windows stay in the store for an hour, grace included. */
  public static final Duration MAX_STATS_GRACE = Duration.ofMinutes(30);

  /** A minute: shorter would forget an order id before a slow producer's retry arrives. */
  public static final Duration MIN_DEDUP_RETENTION = Duration.ofMinutes(1);

  /**
   * How often Kafka Streams checks whether a warmed-up replica can take over a stateful task from
   * its current owner (Kafka's default: 10 minutes; 1 minute is the least it accepts).
   */
  public static final String DEFAULT_PROBING_REBALANCE_INTERVAL_MS = "60000";

  /**
   * {@code max.task.idle.ms}: -1, process a task's buffered records at once even while another of
   * its input partitions is empty. Kafka's default, 0, checks every such partition's fetched lag
   * and records a metric before every record of a task with two inputs.
   */
  public static final String DEFAULT_MAX_TASK_IDLE_MS = "-1";

  static final String PROCESSING_HANDLER_GLOBAL_ENABLED =
      "processing.exception.handler.global.enabled";

  static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Pattern HOST_PORT = Pattern.compile("[^\\s:,]+:(\\d{1,5})");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:\\[\\]-]+");
  static final Set<String> WILDCARD_HOSTS = Set.of("0.0.0.0", "::", "[::]");

  /** Where a passed-through property would already set the main consumer's group.instance.id. */
  private static final List<String> GROUP_INSTANCE_ID_KEYS =
      List.of(
          ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
          StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
          StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG));

  /** Every value checked once; a message names the flag (StreamsOptions names its source). */
  public StreamsSettings {
    Objects.requireNonNull(stateDir, "stateDir");
    config = Map.copyOf(config);
    check(
        bootstrapServers != null && !bootstrapServers.isBlank(),
        "--bootstrap-servers must not be empty");
    check(
        Arrays.stream(bootstrapServers.split(",", -1)).allMatch(StreamsSettings::isHostPort),
        "--bootstrap-servers must be host:port[,host:port...], got '" + bootstrapServers + "'");
    checkName("--application-id", applicationId);
    checkName("--instance-id", instanceId);
    atLeast("--threads", threads, 1);
    check(!stateDir.toString().isEmpty(), "--state-dir must not be empty");
    atLeast("--commit-interval-ms", commitInterval.toMillis(), 0);
    atLeast("--commit-after-records", commitAfterRecords, 0);
    atLeast("--close-timeout-ms", closeTimeout.toMillis(), 1);
    checkHost("--http-host", httpHost);
    between("--http-port", httpPort, 0, 65535, " (0 = any free port)");
    checkHost("--advertised-host", advertisedHost);
    check(
        !WILDCARD_HOSTS.contains(advertisedHost),
        "--advertised-host must be an address other instances can reach, not '"
            + advertisedHost
            + "'");
    atLeast("--dedup-retention-ms", dedupRetention.toMillis(), MIN_DEDUP_RETENTION.toMillis());
    between("--stats-grace-ms", statsGrace.toMillis(), 0, MAX_STATS_GRACE.toMillis(), "");
    between("--rocksdb-memory-mb", rocksDbMemoryMb, 4, 65536, "");
  }

  private static void atLeast(String flag, long value, long min) {
    check(value >= min, flag + " must be >= " + min + ", got " + value);
  }

  private static void between(String flag, long value, long min, long max, String note) {
    check(
        value >= min && value <= max,
        flag + " must be " + min + ".." + max + note + ", got " + value);
  }

  private static void check(boolean valid, String message) {
    if (!valid) {
      throw new SettingsException(message);
    }
  }

  private static void checkName(String flag, String value) {
    check(
        value != null && NAME.matcher(value).matches(),
        flag + " must be letters, digits, '.', '_' or '-', got '" + value + "'");
  }

  private static void checkHost(String flag, String value) {
    check(value != null && !value.isBlank(), flag + " must not be empty");
    check(
        HOST.matcher(value).matches(),
        flag + " must be a host name or IP address, got '" + value + "'");
  }

  private static boolean isHostPort(String entry) {
    var matcher = HOST_PORT.matcher(entry.trim());
    return matcher.matches()
        && Integer.parseInt(matcher.group(1)) >= 1
        && Integer.parseInt(matcher.group(1)) <= 65535;
  }

  /** Parses flags as the command line does (environment and defaults included). */
  public static StreamsOptions.Builder builder() {
    return new StreamsOptions.Builder();
  }

  /** The settings with every default; the instance id is the host name and the HTTP port. */
  public static StreamsSettings defaults() {
    return builder().build();
  }

  /**
   * The same settings with the HTTP port that was actually bound (when {@link #httpPort()} was 0).
   */
  public StreamsSettings withHttpPort(int port) {
    return new StreamsSettings(
        bootstrapServers,
        applicationId,
        threads,
        stateDir,
        instanceId,
        commitInterval,
        commitAfterRecords,
        closeTimeout,
        httpHost,
        port,
        advertisedHost,
        staticMembership,
        dedupRetention,
        statsGrace,
        rocksDbMemoryMb,
        config);
  }

  /**
   * {@code advertisedHost:httpPort}: how the other instances reach this one's HTTP endpoints (Kafka
   * Streams' {@code application.server}); empty while the port is 0 (not bound yet).
   */
  public Optional<String> applicationServer() {
    return httpPort == 0 ? Optional.empty() : Optional.of(advertisedHost + ":" + httpPort);
  }

  /** The RocksDB memory budget in bytes. */
  public long rocksDbMemoryBytes() {
    return rocksDbMemoryMb * 1024L * 1024L;
  }

  /**
   * The Kafka Streams properties: the passthrough {@link #config()} first, then the typed settings,
   * then the app's defaults with {@code putIfAbsent} (so a passthrough property wins over a
   * default): {@code exactly_once_v2}, the client id and 256 KiB fetches ({@link StreamsRuntime}),
   * the exception handlers and timestamp extractor, static membership, the bounded RocksDB memory,
   * a 1-minute probing rebalance and no task idling.
   */
  public Properties toProperties() {
    Properties properties = streamsProperties(applicationId + "-" + instanceId);
    applicationServer()
        .ifPresent(server -> properties.put(StreamsConfig.APPLICATION_SERVER_CONFIG, server));
    properties.put(BoundedRocksDbConfig.MEMORY_BYTES_CONFIG, Long.toString(rocksDbMemoryBytes()));
    if (staticMembership && GROUP_INSTANCE_ID_KEYS.stream().noneMatch(config::containsKey)) {
      // Kafka Streams appends "-<thread index>" for each stream thread's consumer.
      properties.put(
          StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceId);
    }
    properties.putIfAbsent(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        RejectingDeserializationHandler.class.getName());
    properties.putIfAbsent(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        RejectingProcessingHandler.class.getName());
    properties.putIfAbsent(
        StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
        RejectingProductionHandler.class.getName());
    properties.putIfAbsent(
        StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG,
        WallClockOnInvalidTimestamp.class.getName());
    properties.putIfAbsent(
        StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbConfig.class.getName());
    properties.putIfAbsent(
        StreamsConfig.PROBING_REBALANCE_INTERVAL_MS_CONFIG, DEFAULT_PROBING_REBALANCE_INTERVAL_MS);
    // A task reads food-orders and orders-by-id (OrderTopology): nothing in it needs the two in
    // timestamp order, so never wait for (nor count and log) an empty partition of either.
    properties.putIfAbsent(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, DEFAULT_MAX_TASK_IDLE_MS);
    // The processing handler also for the restaurants table. Kafka 5.0 makes this the default and
    // drops the (already deprecated) constant, hence the literal.
    properties.putIfAbsent(PROCESSING_HANDLER_GLOBAL_ENABLED, "true");
    return properties;
  }

  /** One line for the start-up log: every typed setting and the passthrough keys. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "instance %s of %s: bootstrap %s, %d thread(s), state dir %s, commit every %d ms or %d records, HTTP %s:%d"
            + " (advertised as %s), static membership %s, order ids remembered %s, stats grace %s, RocksDB %d MiB%s",
        instanceId,
        applicationId,
        bootstrapServers,
        threads,
        stateDir,
        commitInterval.toMillis(),
        commitAfterRecords,
        httpHost,
        httpPort,
        advertisedHost,
        staticMembership ? "on" : "off",
        dedupRetention,
        statsGrace,
        rocksDbMemoryMb,
        config.isEmpty() ? "" : ", extra config " + new TreeMap<>(config));
  }
}
