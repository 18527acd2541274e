package dev.foodpipeline.shell;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * A {@code --config-file}, the same in every program: a {@code .properties} file of flag values
 * written without the dashes ({@code rate=50}, {@code bootstrap-servers=kafka:9092}) and of Kafka
 * client settings prefixed with {@code kafka.} ({@code kafka.security.protocol=SASL_SSL}). Flags
 * and environment variables win over it.
 *
 * @param path where it was read from
 * @param settings flag name (no dashes) to value
 * @param kafka Kafka client setting (without the prefix) to value
 */
public record ConfigFile(Path path, Map<String, String> settings, Map<String, String> kafka) {
  public static final String KAFKA_PREFIX = "kafka.";

  public ConfigFile {
    settings = Map.copyOf(settings);
    kafka = Map.copyOf(kafka);
  }

  /**
   * Reads a file; every key must be one of the known flags or a {@code kafka.} setting.
   *
   * @throws IllegalArgumentException naming the file and the bad key
   */
  public static ConfigFile load(Path path, Set<String> knownSettings) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("--config-file: no file " + path);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--config-file: cannot read " + path + ": " + e.getMessage());
    }
    Map<String, String> settings = new TreeMap<>();
    Map<String, String> kafka = new TreeMap<>();
    for (String key : new TreeMap<>(asMap(properties)).keySet()) {
      String value = properties.getProperty(key).trim();
      if (key.startsWith(KAFKA_PREFIX) && key.length() > KAFKA_PREFIX.length()) {
        kafka.put(key.substring(KAFKA_PREFIX.length()), value);
      } else if (knownSettings.contains(key)) {
        settings.put(key, value);
      } else {
        throw new IllegalArgumentException(
            "--config-file "
                + path
                + ": unknown setting '"
                + key
                + "' (write a flag without its dashes, such as"
                + " bootstrap-servers=kafka:9092, or a Kafka client setting as kafka.<name>)");
      }
    }
    return new ConfigFile(path, settings, kafka);
  }

  private static Map<String, String> asMap(Properties properties) {
    Map<String, String> map = new TreeMap<>();
    properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
    return map;
  }
}
