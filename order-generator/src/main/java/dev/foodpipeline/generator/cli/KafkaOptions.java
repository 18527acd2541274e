package dev.foodpipeline.generator.cli;

import dev.foodpipeline.generator.producer.KafkaSettings;
import dev.foodpipeline.shell.Converters;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import picocli.CommandLine.Option;

/** The options every command that talks to Kafka shares (a picocli mixin). */
public final class KafkaOptions {
  @Option(
      names = {"-b", "--bootstrap-servers"},
      paramLabel = "HOST:PORT[,...]",
      defaultValue = KafkaSettings.DEFAULT_BOOTSTRAP_SERVERS,
      description =
          "Kafka bootstrap servers (environment FOOD_BOOTSTRAP_SERVERS; default: ${DEFAULT-VALUE}).")
  String bootstrapServers;

  @Option(
      names = "--producer-config",
      paramLabel = "FILE",
      description =
          "A .properties file of extra Kafka client settings (security and the like). They override the"
              + " generator's own and the kafka.* settings of --config-file; the admin client gets those it knows.")
  Path producerConfig;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "KEY=VALUE",
      converter = ClientSetting.class,
      description =
          "A Kafka client setting (linger.ms=20); repeatable. Wins over --producer-config and the"
              + " kafka.* settings of --config-file.")
  List<Map.Entry<String, String>> config = new ArrayList<>();

  /** A value without {@code =} was probably meant for {@code --producer-config}. */
  public static final class ClientSetting extends Converters.KeyValue {
    public ClientSetting() {
      super("a client properties file is --producer-config FILE");
    }
  }

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description =
          "How long to wait for Kafka before giving up: connecting, creating topics, each send (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  /**
   * The validated settings.
   *
   * @throws IllegalArgumentException with a one-line message naming the bad setting
   */
  KafkaSettings settings() {
    return settings(Map.of());
  }

  /**
   * The validated settings, with the Kafka client settings of a config file under those of {@code
   * --producer-config}, and those under {@code -c}.
   *
   * @throws IllegalArgumentException with a one-line message naming the bad setting
   */
  KafkaSettings settings(Map<String, String> fromConfigFile) {
    Map<String, String> overrides = new TreeMap<>(fromConfigFile);
    overrides.putAll(clientOverrides());
    overrides.putAll(Converters.KeyValue.toMap(config));
    return new KafkaSettings(bootstrapServers, timeout, overrides);
  }

  private Map<String, String> clientOverrides() {
    if (producerConfig == null) {
      return Map.of();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(producerConfig)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("--producer-config: no file " + producerConfig);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--producer-config: cannot read " + producerConfig + ": " + e.getMessage());
    }
    Map<String, String> overrides = new TreeMap<>();
    properties
        .stringPropertyNames()
        .forEach(name -> overrides.put(name, properties.getProperty(name).trim()));
    return overrides;
  }
}
