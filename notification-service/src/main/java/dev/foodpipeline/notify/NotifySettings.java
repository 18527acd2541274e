package dev.foodpipeline.notify;

import dev.foodpipeline.notify.topology.KitchenSettings;
import dev.foodpipeline.shell.streams.StreamsRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.UsePartitionTimeOnInvalidTimestamp;

/**
 * The one configuration of the notification service, typed and validated once: a bad value fails
 * with a {@link SettingsException} naming its flag. Its options, defaults and sources are {@link
 * NotifyOptions}; {@code config} holds the Kafka properties passed through ({@code -c KEY=VALUE},
 * {@code kafka.*} in the config file), for the Streams client and the delivery consumers alike.
 */
public record NotifySettings(
    String bootstrapServers,
    String applicationId,
    int threads,
    Path stateDir,
    Duration commitInterval,
    int commitAfterRecords,
    Duration closeTimeout,
    String httpHost,
    int httpPort,
    Duration kitchenWindow,
    int kitchenCooks,
    Duration heartbeat,
    int maxSubscribers,
    int subscriberQueue,
    Map<String, String> config)
    implements StreamsRuntime {

  public static final String DEFAULT_APPLICATION_ID = "notification-service";
  public static final int DEFAULT_HTTP_PORT = 7080;

  static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Pattern HOST_PORT = Pattern.compile("[^\\s:,]+:(\\d{1,5})");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:\\[\\]-]+");

  public NotifySettings {
    Objects.requireNonNull(stateDir, "stateDir");
    config = Map.copyOf(config);
    check(
        bootstrapServers != null && !bootstrapServers.isBlank(),
        "--bootstrap-servers must not be empty");
    check(
        Arrays.stream(bootstrapServers.split(",", -1)).allMatch(NotifySettings::isHostPort),
        "--bootstrap-servers must be host:port[,host:port...], got '" + bootstrapServers + "'");
    check(
        applicationId != null && NAME.matcher(applicationId).matches(),
        "--application-id must be letters, digits, '.', '_' or '-', got '" + applicationId + "'");
    between("--threads", threads, 1, 64);
    check(!stateDir.toString().isEmpty(), "--state-dir must not be empty");
    between("--commit-interval-ms", commitInterval.toMillis(), 0, 60_000);
    between("--commit-after-records", commitAfterRecords, 0, 1_000_000);
    between("--close-timeout-ms", closeTimeout.toMillis(), 1, 600_000);
    check(
        httpHost != null && HOST.matcher(httpHost).matches(),
        "--http-host must be a host name or IP address, got '" + httpHost + "'");
    between("--http-port", httpPort, 0, 65535);
    between("--kitchen-window-ms", kitchenWindow.toMillis(), 1000, Duration.ofDays(1).toMillis());
    between("--kitchen-cooks", kitchenCooks, 1, 1_000_000);
    between("--heartbeat-ms", heartbeat.toMillis(), 100, 3_600_000);
    between("--max-subscribers", maxSubscribers, 1, 10_000);
    between("--subscriber-queue", subscriberQueue, 1, 100_000);
  }

  private static void between(String flag, long value, long min, long max) {
    check(value >= min && value <= max, flag + " must be " + min + ".." + max + ", got " + value);
  }

  private static void check(boolean valid, String message) {
    if (!valid) {
      throw new SettingsException(message);
    }
  }

  private static boolean isHostPort(String entry) {
    var matcher = HOST_PORT.matcher(entry.trim());
    return matcher.matches()
        && Integer.parseInt(matcher.group(1)) >= 1
        && Integer.parseInt(matcher.group(1)) <= 65535;
  }

  /** Parses flags as the command line does. */
  public static NotifyOptions.Builder builder() {
    return new NotifyOptions.Builder();
  }

  public KitchenSettings kitchen() {
    return new KitchenSettings(kitchenWindow, kitchenCooks);
  }

  /** The same settings with the HTTP port that was actually bound (when it was 0). */
  public NotifySettings withHttpPort(int port) {
    return new NotifySettings(
        bootstrapServers,
        applicationId,
        threads,
        stateDir,
        commitInterval,
        commitAfterRecords,
        closeTimeout,
        httpHost,
        port,
        kitchenWindow,
        kitchenCooks,
        heartbeat,
        maxSubscribers,
        subscriberQueue,
        config);
  }

  /**
   * The Kafka Streams properties: the passthrough first, then the typed settings, then the app's
   * defaults with {@code putIfAbsent}: {@code exactly_once_v2}, a record without a valid timestamp
   * takes the partition time, a processor exception is logged and the record skipped (the next
   * flows), and a client id.
   */
  public Properties streamsProperties() {
    Properties properties = streamsProperties(applicationId + "-" + httpPort);
    properties.putIfAbsent(
        StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG,
        UsePartitionTimeOnInvalidTimestamp.class.getName());
    properties.putIfAbsent(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueProcessingExceptionHandler.class.getName());
    return properties;
  }

  /**
   * The properties of the delivery consumers: the passthrough (security settings and the like) and
   * the bootstrap servers; Kafka Streams' own keys are left out. They fetch at most {@link
   * StreamsRuntime#DEFAULT_MAX_PARTITION_FETCH_BYTES} per partition unless one is passed through.
   */
  public Map<String, Object> clientProperties() {
    Map<String, Object> properties = new TreeMap<>();
    config.forEach(
        (key, value) -> {
          if (!StreamsConfig.configDef().names().contains(key)
              || ConsumerConfig.configNames().contains(key)) {
            properties.put(key, value);
          }
        });
    properties.remove(StreamsConfig.APPLICATION_ID_CONFIG);
    properties.remove(StreamsConfig.CLIENT_ID_CONFIG);
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.putIfAbsent(
        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
        StreamsRuntime.DEFAULT_MAX_PARTITION_FETCH_BYTES);
    return properties;
  }

  /** One line for the start-up log. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "%s: bootstrap %s, %d thread(s), state dir %s, commit every %d ms or %d records, HTTP %s:%d, kitchen"
            + " window %d ms with %d cooks, heartbeat %d ms, at most %d subscribers of %d queued"
            + " notifications each%s",
        applicationId,
        bootstrapServers,
        threads,
        stateDir,
        commitInterval.toMillis(),
        commitAfterRecords,
        httpHost,
        httpPort,
        kitchenWindow.toMillis(),
        kitchenCooks,
        heartbeat.toMillis(),
        maxSubscribers,
        subscriberQueue,
        config.isEmpty() ? "" : ", extra config " + new TreeMap<>(config));
  }
}
