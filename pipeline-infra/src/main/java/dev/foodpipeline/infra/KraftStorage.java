package dev.foodpipeline.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Formats a KRaft log directory once, as {@code kafka-storage.sh format --standalone} does. */
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
    if (isFormatted(logDir)) {
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
        format(configFile);
      } finally {
        Files.deleteIfExists(configFile);
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("Couldn't format the KRaft log dir " + logDir, e);
    }
  }

  private static void format(Path configFile) {
    String clusterId = Uuid.randomUuid().toString();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int exitCode;
    try (PrintStream stream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      exitCode =
          StorageTool.execute(
              new String[] {"format", "--standalone", "-t", clusterId, "-c", configFile.toString()},
              stream);
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
