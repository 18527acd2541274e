package dev.foodpipeline.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats a KRaft log directory once, as {@code kafka-storage.sh format} does: {@code --standalone}
 * for a single node found through {@code controller.quorum.bootstrap.servers}, without it for a
 * static quorum ({@code controller.quorum.voters}), where every node must be formatted with the
 * same cluster id.
 */
final class KraftStorage {

  private static final Logger LOG = LoggerFactory.getLogger(KraftStorage.class);

  private KraftStorage() {}

  /** Whether {@code logDir} already holds a formatted node (a restart reuses it). */
  static boolean isFormatted(Path logDir) {
    return Files.exists(logDir.resolve("meta.properties"));
  }

  /**
   * Formats {@code logDir} with a new cluster id unless it is formatted already.
   *
   * @return true if it formatted, false if the directory was formatted before
   */
  static boolean formatIfNeeded(Properties brokerProperties, Path logDir) {
    return formatIfNeeded(brokerProperties, logDir, Optional.empty());
  }

  /**
   * Formats {@code logDir} with {@code clusterId} (a new one when empty) unless it is formatted
   * already; a directory formatted for another cluster than the one given is an error, as the
   * broker would refuse to join the quorum with it.
   *
   * @return true if it formatted, false if the directory was formatted before
   */
  static boolean formatIfNeeded(
      Properties brokerProperties, Path logDir, Optional<String> clusterId) {
    if (isFormatted(logDir)) {
      clusterId.ifPresent(id -> requireClusterId(logDir, id));
      LOG.info("Log dir {} is formatted already; reusing it", logDir);
      return false;
    }
    try {
      Files.createDirectories(logDir);
      Path configFile = Files.createTempFile("kafka-format-", ".properties");
      try {
        try (OutputStream out = Files.newOutputStream(configFile)) {
          brokerProperties.store(out, "written for kafka-storage format");
        }
        String id = clusterId.orElseGet(() -> Uuid.randomUuid().toString());
        format(formatArguments(brokerProperties, id, configFile), id);
      } finally {
        Files.deleteIfExists(configFile);
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("Couldn't format the KRaft log dir " + logDir, e);
    }
  }

  /**
   * The arguments of {@code kafka-storage format}: {@code --standalone} unless the properties name
   * a static quorum in {@code controller.quorum.voters} (Kafka refuses the two together).
   */
  static List<String> formatArguments(Properties brokerProperties, String clusterId, Path config) {
    List<String> arguments = new ArrayList<>(List.of("format"));
    if (!hasStaticVoters(brokerProperties)) {
      arguments.add("--standalone");
    }
    arguments.addAll(List.of("-t", clusterId, "-c", config.toString()));
    return arguments;
  }

  static boolean hasStaticVoters(Properties brokerProperties) {
    return !brokerProperties.getProperty("controller.quorum.voters", "").isBlank();
  }

  /** The cluster id {@code meta.properties} of a formatted {@code logDir} holds, if any. */
  static Optional<String> clusterIdOf(Path logDir) {
    Properties meta = new Properties();
    try (var in = Files.newInputStream(logDir.resolve("meta.properties"))) {
      meta.load(in);
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.ofNullable(meta.getProperty("cluster.id"));
  }

  private static void requireClusterId(Path logDir, String clusterId) {
    Optional<String> formatted = clusterIdOf(logDir);
    if (formatted.isPresent() && !formatted.get().equals(clusterId)) {
      throw new IllegalStateException(
          "The log dir "
              + logDir
              + " belongs to cluster "
              + formatted.get()
              + ", not "
              + clusterId
              + ": delete it (its data is lost) or pass its cluster id");
    }
  }

  private static void format(List<String> arguments, String clusterId) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int exitCode;
    try (PrintStream stream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      exitCode = StorageTool.execute(arguments.toArray(String[]::new), stream);
    } catch (Exception e) {
      throw new IllegalStateException("Formatting the KRaft log dir failed: " + e.getMessage(), e);
    }
    String text = output.toString(StandardCharsets.UTF_8).trim();
    if (exitCode != 0) {
      throw new IllegalStateException(
          "Formatting the KRaft log dir failed (exit " + exitCode + "): " + text);
    }
    LOG.info("Formatted KRaft storage for cluster {}: {}", clusterId, text);
  }
}
