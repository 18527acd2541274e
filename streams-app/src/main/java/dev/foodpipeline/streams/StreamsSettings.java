package dev.foodpipeline.streams;

import dev.foodpipeline.streams.errors.RejectingDeserializationHandler;
import dev.foodpipeline.streams.errors.RejectingProcessingHandler;
import dev.foodpipeline.streams.errors.RejectingProductionHandler;
import dev.foodpipeline.streams.errors.WallClockOnInvalidTimestamp;
import dev.foodpipeline.streams.state.BoundedRocksDbConfig;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The one configuration of the Streams app, typed and validated. Built by {@link #builder()} from
 * flags, environment variables ({@link Setting#envVar()}) and defaults; a bad value fails with a
 * {@link SettingsException} whose one-line message names where it came from.
 *
 * @param bootstrapServers Kafka's {@code host:port} list
 * @param applicationId the Kafka Streams application id: consumer group and transactional id prefix
 * @param threads stream threads of this instance
 * @param stateDir this instance's state directory (the restaurants global store lives here)
 * @param instanceId names this instance in logs, its client id, its static group membership ({@code
 *     group.instance.id}) and its default state directory
 * @param commitInterval how often a transaction is committed (the latency of exactly-once output)
 * @param closeTimeout how long a shutdown may take before the app gives up waiting for Kafka
 * @param httpHost the address the HTTP endpoints listen on
 * @param httpPort their port; 0 = any free port (the one bound is then {@link #withHttpPort})
 * @param advertisedHost how the other instances reach this one: {@code application.server} is
 *     {@code advertisedHost:httpPort}
 * @param staticMembership whether the stream threads join the group as static members ({@code
 *     group.instance.id} = instance id + thread index)
 * @param dedupRetention how long an accepted order id is remembered to reject duplicates
 * @param statsGrace how late (behind the newest order time) an order may arrive and still count in
 *     its 1-minute window of {@code restaurant-stats}; also how long after its end a window is
 *     final
 * @param rocksDbMemoryMb the one RocksDB memory budget of this instance (block cache, memtables
 *     included), shared by every store
 * @param config further Kafka Streams / client properties, passed through as they are
 */
public record StreamsSettings(
    String bootstrapServers,
    String applicationId,
    int threads,
    Path stateDir,
    String instanceId,
    Duration commitInterval,
    Duration closeTimeout,
    String httpHost,
    int httpPort,
    String advertisedHost,
    boolean staticMembership,
    Duration dedupRetention,
    Duration statsGrace,
    int rocksDbMemoryMb,
    Map<String, String> config) {

  public static final String DEFAULT_BOOTSTRAP_SERVERS = "127.0.0.1:9092";
  public static final String DEFAULT_APPLICATION_ID = "food-orders-streams";
  public static final int DEFAULT_THREADS = 2;
  public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(100);

  /** Below Docker's default 10 s between SIGTERM and SIGKILL. */
  public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(8);

  public static final String DEFAULT_HTTP_HOST = "127.0.0.1";
  public static final int DEFAULT_HTTP_PORT = 7070;
  public static final Duration DEFAULT_DEDUP_RETENTION = Duration.ofHours(24);
  public static final Duration DEFAULT_STATS_GRACE = Duration.ofSeconds(30);

  /** Half an hour: the windows stay in the store for an hour, grace included. */
  public static final Duration MAX_STATS_GRACE = Duration.ofMinutes(30);

  /** A minute: shorter would forget an order id before a slow producer's retry arrives. */
  public static final Duration MIN_DEDUP_RETENTION = Duration.ofMinutes(1);

  /** 16 MiB of RocksDB memory per instance, half of it for memtables: sized for the 2 GB host. */
  public static final int DEFAULT_ROCKSDB_MEMORY_MB = 16;

  /**
   * How often Kafka Streams checks whether a warmed-up replica can take over a stateful task from
   * its current owner (Kafka's default: 10 minutes; 1 minute is the least it accepts).
   */
  public static final String DEFAULT_PROBING_REBALANCE_INTERVAL_MS = "60000";

  static final String PROCESSING_HANDLER_GLOBAL_ENABLED =
      "processing.exception.handler.global.enabled";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Pattern HOST_PORT = Pattern.compile("[^\\s:,]+:(\\d{1,5})");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:\\[\\]-]+");
  private static final Set<String> WILDCARD_HOSTS = Set.of("0.0.0.0", "::", "[::]");

  /** Where a passed-through property would already set the main consumer's group.instance.id. */
  private static final List<String> GROUP_INSTANCE_ID_KEYS =
      List.of(
          ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
          StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
          StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG));

  public StreamsSettings {
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(commitInterval, "commitInterval");
    Objects.requireNonNull(closeTimeout, "closeTimeout");
    Objects.requireNonNull(dedupRetention, "dedupRetention");
    Objects.requireNonNull(statsGrace, "statsGrace");
    config = Map.copyOf(config);
    validateBootstrapServers(Setting.BOOTSTRAP_SERVERS.flag(), bootstrapServers);
    validateName(Setting.APPLICATION_ID.flag(), applicationId);
    validateName(Setting.INSTANCE_ID.flag(), instanceId);
    validateThreads(Setting.THREADS.flag(), threads);
    validateCommitInterval(Setting.COMMIT_INTERVAL_MS.flag(), commitInterval.toMillis());
    validateCloseTimeout(Setting.CLOSE_TIMEOUT_MS.flag(), closeTimeout.toMillis());
    validateHost(Setting.HTTP_HOST.flag(), httpHost);
    validatePort(Setting.HTTP_PORT.flag(), httpPort);
    validateAdvertisedHost(Setting.ADVERTISED_HOST.flag(), advertisedHost);
    validateDedupRetention(Setting.DEDUP_RETENTION_MS.flag(), dedupRetention.toMillis());
    validateStatsGrace(Setting.STATS_GRACE_MS.flag(), statsGrace.toMillis());
    validateRocksDbMemory(Setting.ROCKSDB_MEMORY_MB.flag(), rocksDbMemoryMb);
  }

  public static Builder builder() {
    return new Builder();
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
   * default): {@code exactly_once_v2}, the client id, the exception handlers and timestamp
   * extractor, static membership, the bounded RocksDB memory and a 1-minute probing rebalance.
   */
  public Properties toProperties() {
    Properties properties = new Properties();
    properties.putAll(config);
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(threads));
    properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    properties.put(
        StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(commitInterval.toMillis()));
    applicationServer()
        .ifPresent(server -> properties.put(StreamsConfig.APPLICATION_SERVER_CONFIG, server));
    properties.put(BoundedRocksDbConfig.MEMORY_BYTES_CONFIG, Long.toString(rocksDbMemoryBytes()));
    if (staticMembership && GROUP_INSTANCE_ID_KEYS.stream().noneMatch(config::containsKey)) {
      // Kafka Streams appends "-<thread index>" for each stream thread's consumer.
      properties.put(
          StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceId);
    }
    properties.putIfAbsent(
        StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    properties.putIfAbsent(StreamsConfig.CLIENT_ID_CONFIG, applicationId + "-" + instanceId);
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
    // The processing handler also for the restaurants table. Kafka 5.0 makes this the default and
    // drops the (already deprecated) constant, hence the literal.
    properties.putIfAbsent(PROCESSING_HANDLER_GLOBAL_ENABLED, "true");
    return properties;
  }

  /** One line for the start-up log: every typed setting and the passthrough keys. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "instance %s of %s: bootstrap %s, %d thread(s), state dir %s, commit every %d ms, HTTP %s:%d"
            + " (advertised as %s), static membership %s, order ids remembered %s, stats grace %s, RocksDB %d MiB%s",
        instanceId,
        applicationId,
        bootstrapServers,
        threads,
        stateDir,
        commitInterval.toMillis(),
        httpHost,
        httpPort,
        advertisedHost,
        staticMembership ? "on" : "off",
        dedupRetention,
        statsGrace,
        rocksDbMemoryMb,
        config.isEmpty() ? "" : ", extra config " + new TreeMap<>(config));
  }

  /** The host name, for the default instance id. */
  static String hostName(Map<String, String> env) {
    String fromEnv = env.get("HOSTNAME");
    if (fromEnv != null && NAME.matcher(fromEnv).matches()) {
      return fromEnv;
    }
    try {
      String name = InetAddress.getLocalHost().getHostName();
      return NAME.matcher(name).matches() ? name : "localhost";
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  /**
   * The default instance id: the host name, and the HTTP port when one is fixed ({@code box-7070}).
   */
  static String defaultInstanceId(Map<String, String> env, int httpPort) {
    String host = hostName(env);
    return httpPort == 0 ? host : host + "-" + httpPort;
  }

  /**
   * The default advertised host: the HTTP host, or the host name when that listens on every
   * address.
   */
  static String defaultAdvertisedHost(Map<String, String> env, String httpHost) {
    return WILDCARD_HOSTS.contains(httpHost) ? hostName(env) : httpHost;
  }

  /**
   * The default state directory of an instance: {@code <tmp>/food-orders-streams-<instance id>}.
   */
  static Path defaultStateDir(String instanceId) {
    return Path.of(System.getProperty("java.io.tmpdir"), DEFAULT_APPLICATION_ID + "-" + instanceId);
  }

  private static void validateBootstrapServers(String source, String value) {
    if (value == null || value.isBlank()) {
      throw new SettingsException(source + " must not be empty");
    }
    for (String entry : value.split(",", -1)) {
      var matcher = HOST_PORT.matcher(entry.trim());
      if (!matcher.matches()
          || Integer.parseInt(matcher.group(1)) < 1
          || Integer.parseInt(matcher.group(1)) > 65535) {
        throw new SettingsException(
            source + " must be host:port[,host:port...], got '" + value + "'");
      }
    }
  }

  private static void validateName(String source, String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new SettingsException(
          source + " must be letters, digits, '.', '_' or '-', got '" + value + "'");
    }
  }

  private static void validateThreads(String source, int threads) {
    if (threads < 1) {
      throw new SettingsException(source + " must be >= 1, got " + threads);
    }
  }

  private static void validateCommitInterval(String source, long millis) {
    if (millis < 0) {
      throw new SettingsException(source + " must be >= 0, got " + millis);
    }
  }

  private static void validateHost(String source, String value) {
    if (value == null || value.isBlank()) {
      throw new SettingsException(source + " must not be empty");
    }
    if (!HOST.matcher(value).matches()) {
      throw new SettingsException(
          source + " must be a host name or IP address, got '" + value + "'");
    }
  }

  private static void validateAdvertisedHost(String source, String value) {
    validateHost(source, value);
    if (WILDCARD_HOSTS.contains(value)) {
      throw new SettingsException(
          source + " must be an address other instances can reach, not '" + value + "'");
    }
  }

  private static void validatePort(String source, long port) {
    if (port < 0 || port > 65535) {
      throw new SettingsException(source + " must be 0..65535 (0 = any free port), got " + port);
    }
  }

  private static void validateDedupRetention(String source, long millis) {
    if (millis < MIN_DEDUP_RETENTION.toMillis()) {
      throw new SettingsException(
          source + " must be >= " + MIN_DEDUP_RETENTION.toMillis() + ", got " + millis);
    }
  }

  private static void validateStatsGrace(String source, long millis) {
    if (millis < 0 || millis > MAX_STATS_GRACE.toMillis()) {
      throw new SettingsException(
          source + " must be 0.." + MAX_STATS_GRACE.toMillis() + ", got " + millis);
    }
  }

  private static void validateRocksDbMemory(String source, long megabytes) {
    if (megabytes < 4 || megabytes > 65536) {
      throw new SettingsException(source + " must be 4..65536, got " + megabytes);
    }
  }

  private static void validateCloseTimeout(String source, long millis) {
    if (millis < 1) {
      throw new SettingsException(source + " must be >= 1, got " + millis);
    }
  }

  /**
   * Collects flag values and passthrough properties; {@link #build(Map)} resolves them against the
   * environment and the defaults. The typed setters are for in-process use (tests); the command
   * line passes its raw strings with {@link #flag(Setting, String)}.
   */
  public static final class Builder {
    private final Map<Setting, String> flags = new EnumMap<>(Setting.class);
    private final Map<String, String> configFlags = new LinkedHashMap<>();

    private Builder() {}

    /** A flag's raw value; null means "not given". */
    public Builder flag(Setting setting, String value) {
      if (value == null) {
        flags.remove(setting);
      } else {
        flags.put(setting, value);
      }
      return this;
    }

    public Builder bootstrapServers(String value) {
      return flag(Setting.BOOTSTRAP_SERVERS, value);
    }

    public Builder applicationId(String value) {
      return flag(Setting.APPLICATION_ID, value);
    }

    public Builder threads(int value) {
      return flag(Setting.THREADS, Integer.toString(value));
    }

    public Builder stateDir(Path value) {
      return flag(Setting.STATE_DIR, value.toString());
    }

    public Builder instanceId(String value) {
      return flag(Setting.INSTANCE_ID, value);
    }

    public Builder commitInterval(Duration value) {
      return flag(Setting.COMMIT_INTERVAL_MS, Long.toString(value.toMillis()));
    }

    public Builder closeTimeout(Duration value) {
      return flag(Setting.CLOSE_TIMEOUT_MS, Long.toString(value.toMillis()));
    }

    public Builder httpHost(String value) {
      return flag(Setting.HTTP_HOST, value);
    }

    /** 0 = any free port. */
    public Builder httpPort(int value) {
      return flag(Setting.HTTP_PORT, Integer.toString(value));
    }

    public Builder advertisedHost(String value) {
      return flag(Setting.ADVERTISED_HOST, value);
    }

    public Builder staticMembership(boolean value) {
      return flag(Setting.STATIC_MEMBERSHIP, Boolean.toString(value));
    }

    public Builder dedupRetention(Duration value) {
      return flag(Setting.DEDUP_RETENTION_MS, Long.toString(value.toMillis()));
    }

    public Builder statsGrace(Duration value) {
      return flag(Setting.STATS_GRACE_MS, Long.toString(value.toMillis()));
    }

    public Builder rocksDbMemoryMb(int value) {
      return flag(Setting.ROCKSDB_MEMORY_MB, Integer.toString(value));
    }

    public Builder configFile(Path value) {
      return flag(Setting.CONFIG_FILE, value.toString());
    }

    /** A Kafka Streams or client property, passed through ({@code --config key=value}). */
    public Builder config(String key, String value) {
      configFlags.put(key, value);
      return this;
    }

    public Builder config(Map<String, String> values) {
      configFlags.putAll(values);
      return this;
    }

    /** Resolves flags and defaults only, ignoring the environment. */
    public StreamsSettings build() {
      return build(Map.of());
    }

    /**
     * Resolves each setting from its flag, else its environment variable, else a passed Kafka
     * property, else its default.
     */
    public StreamsSettings build(Map<String, String> env) {
      Resolver resolver = new Resolver(flags, env);
      Map<String, String> passthrough = new LinkedHashMap<>();
      resolver
          .value(Setting.CONFIG_FILE)
          .ifPresent(file -> passthrough.putAll(readConfigFile(file)));
      env.forEach(
          (name, value) -> {
            if (name.startsWith(Setting.ENV_CONFIG_PREFIX)
                && name.length() > Setting.ENV_CONFIG_PREFIX.length()) {
              passthrough.put(Setting.propertyOfEnvVar(name), value);
            }
          });
      passthrough.putAll(configFlags);
      resolver.passthrough(passthrough);

      long httpPort = resolver.number(Setting.HTTP_PORT, DEFAULT_HTTP_PORT);
      validatePort(resolver.source(Setting.HTTP_PORT), httpPort);
      String httpHost = resolver.text(Setting.HTTP_HOST, () -> DEFAULT_HTTP_HOST);
      validateHost(resolver.source(Setting.HTTP_HOST), httpHost);
      String advertisedHost =
          resolver.text(Setting.ADVERTISED_HOST, () -> defaultAdvertisedHost(env, httpHost));
      validateAdvertisedHost(resolver.source(Setting.ADVERTISED_HOST), advertisedHost);
      String instanceId =
          resolver.text(Setting.INSTANCE_ID, () -> defaultInstanceId(env, (int) httpPort));
      validateName(resolver.source(Setting.INSTANCE_ID), instanceId);
      boolean staticMembership = resolver.bool(Setting.STATIC_MEMBERSHIP, true);
      long dedupMs =
          resolver.number(Setting.DEDUP_RETENTION_MS, DEFAULT_DEDUP_RETENTION.toMillis());
      validateDedupRetention(resolver.source(Setting.DEDUP_RETENTION_MS), dedupMs);
      long graceMs = resolver.number(Setting.STATS_GRACE_MS, DEFAULT_STATS_GRACE.toMillis());
      validateStatsGrace(resolver.source(Setting.STATS_GRACE_MS), graceMs);
      long rocksDbMb = resolver.number(Setting.ROCKSDB_MEMORY_MB, DEFAULT_ROCKSDB_MEMORY_MB);
      validateRocksDbMemory(resolver.source(Setting.ROCKSDB_MEMORY_MB), rocksDbMb);
      String bootstrap = resolver.text(Setting.BOOTSTRAP_SERVERS, () -> DEFAULT_BOOTSTRAP_SERVERS);
      validateBootstrapServers(resolver.source(Setting.BOOTSTRAP_SERVERS), bootstrap);
      String applicationId = resolver.text(Setting.APPLICATION_ID, () -> DEFAULT_APPLICATION_ID);
      validateName(resolver.source(Setting.APPLICATION_ID), applicationId);
      int threads = (int) resolver.number(Setting.THREADS, DEFAULT_THREADS);
      validateThreads(resolver.source(Setting.THREADS), threads);
      long commitMs =
          resolver.number(Setting.COMMIT_INTERVAL_MS, DEFAULT_COMMIT_INTERVAL.toMillis());
      validateCommitInterval(resolver.source(Setting.COMMIT_INTERVAL_MS), commitMs);
      long closeMs = resolver.number(Setting.CLOSE_TIMEOUT_MS, DEFAULT_CLOSE_TIMEOUT.toMillis());
      validateCloseTimeout(resolver.source(Setting.CLOSE_TIMEOUT_MS), closeMs);
      Path stateDir = resolver.path(Setting.STATE_DIR, () -> defaultStateDir(instanceId));

      for (Setting setting : Setting.values()) {
        if (setting.kafkaProperty() != null) {
          passthrough.remove(setting.kafkaProperty());
        }
      }
      return new StreamsSettings(
          bootstrap,
          applicationId,
          threads,
          stateDir,
          instanceId,
          Duration.ofMillis(commitMs),
          Duration.ofMillis(closeMs),
          httpHost,
          (int) httpPort,
          advertisedHost,
          staticMembership,
          Duration.ofMillis(dedupMs),
          Duration.ofMillis(graceMs),
          (int) rocksDbMb,
          passthrough);
    }

    private static Map<String, String> readConfigFile(String file) {
      Properties properties = new Properties();
      try (Reader reader = Files.newBufferedReader(Path.of(file))) {
        properties.load(reader);
      } catch (IOException | IllegalArgumentException e) {
        throw new SettingsException(
            Setting.CONFIG_FILE.flag()
                + " cannot be read: "
                + file
                + " ("
                + e.getClass().getSimpleName()
                + ")");
      }
      Map<String, String> values = new LinkedHashMap<>();
      properties
          .stringPropertyNames()
          .forEach(name -> values.put(name, properties.getProperty(name).trim()));
      return values;
    }
  }

  /** Finds each setting's value and remembers where it came from, for error messages. */
  private static final class Resolver {
    private final Map<Setting, String> flags;
    private final Map<String, String> env;
    private final Map<Setting, String> sources = new EnumMap<>(Setting.class);
    private Map<String, String> passthrough = Map.of();

    Resolver(Map<Setting, String> flags, Map<String, String> env) {
      this.flags = flags;
      this.env = env;
    }

    void passthrough(Map<String, String> values) {
      this.passthrough = values;
    }

    Optional<String> value(Setting setting) {
      if (flags.containsKey(setting)) {
        sources.put(setting, setting.flag());
        return Optional.of(flags.get(setting).trim());
      }
      String fromEnv = env.get(setting.envVar());
      if (fromEnv != null && !fromEnv.isBlank()) {
        sources.put(setting, setting.envVar());
        return Optional.of(fromEnv.trim());
      }
      if (setting.kafkaProperty() != null && passthrough.containsKey(setting.kafkaProperty())) {
        sources.put(setting, setting.kafkaProperty());
        return Optional.of(passthrough.get(setting.kafkaProperty()).trim());
      }
      sources.put(setting, setting.flag());
      return Optional.empty();
    }

    String source(Setting setting) {
      return sources.getOrDefault(setting, setting.flag());
    }

    String text(Setting setting, Supplier<String> fallback) {
      return value(setting).orElseGet(fallback);
    }

    long number(Setting setting, long fallback) {
      Optional<String> text = value(setting);
      if (text.isEmpty()) {
        return fallback;
      }
      try {
        return Long.parseLong(text.get());
      } catch (NumberFormatException e) {
        throw new SettingsException(
            source(setting) + " must be a whole number, got '" + text.get() + "'");
      }
    }

    boolean bool(Setting setting, boolean fallback) {
      Optional<String> text = value(setting);
      if (text.isEmpty()) {
        return fallback;
      }
      return switch (text.get().toLowerCase(Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default ->
            throw new SettingsException(
                source(setting) + " must be true or false, got '" + text.get() + "'");
      };
    }

    Path path(Setting setting, Supplier<Path> fallback) {
      Optional<String> text = value(setting);
      if (text.isEmpty()) {
        return fallback.get();
      }
      if (text.get().isEmpty()) {
        throw new SettingsException(source(setting) + " must not be empty");
      }
      try {
        return Path.of(text.get());
      } catch (InvalidPathException e) {
        throw new SettingsException(source(setting) + " is not a valid path: '" + text.get() + "'");
      }
    }
  }
}
