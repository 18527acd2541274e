package dev.foodpipeline.generator;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * What {@code produce --run-file} writes at the end of a run and {@code reconcile --run-file}
 * reads: everything the run's records are a function of, how many were sent, and when (so that
 * {@code created_at} can be checked against the run's wall-clock window). A {@code .properties}
 * file a person can read.
 *
 * @param spec seeds, invalid ratio and kinds, first sequence, shape
 * @param count how many records the run sent (sequences {@code firstSequence} to {@code
 *     firstSequence + count - 1})
 * @param startedAt the generator's clock when the first record was made; null when not known
 * @param finishedAt the generator's clock after the last record was acknowledged; null when not
 *     known
 * @param unacknowledged the keys (order ids) of sends Kafka never acknowledged (the first 1,000):
 *     the producer gave up on them, so the pipeline may never have had them
 */
public record RunFile(
    GenerationSpec spec,
    long count,
    Instant startedAt,
    Instant finishedAt,
    List<String> unacknowledged) {
  static final int FORMAT = 1;

  public RunFile {
    Objects.requireNonNull(spec, "spec");
    if (count < 0) {
      throw new IllegalArgumentException("count must be 0 or more, was " + count);
    }
    unacknowledged = List.copyOf(unacknowledged);
  }

  /** A run whose every send was acknowledged. */
  public RunFile(GenerationSpec spec, long count, Instant startedAt, Instant finishedAt) {
    this(spec, count, startedAt, finishedAt, List.of());
  }

  /** The last sequence number of the run; {@code firstSequence - 1} when it sent nothing. */
  public long lastSequence() {
    return spec.firstSequence() + count - 1;
  }

  /** Writes the file, replacing one that is there. */
  public void write(Path file) {
    OrderShape shape = spec.shape();
    StringBuilder text = new StringBuilder();
    text.append("# order-generator run: 'order-generator reconcile --run-file ")
        .append(file.getFileName())
        .append("' checks PostgreSQL against it\n");
    line(text, "format", FORMAT);
    line(text, "seed", spec.seed());
    line(text, "catalog-seed", spec.catalogSeed());
    line(text, "start-sequence", spec.firstSequence());
    line(text, "count", count);
    line(text, "invalid-ratio", spec.invalidRatio());
    line(text, "invalid-kinds", spec.invalidMix().format());
    line(text, "hot-restaurant", shape.hotRestaurantId());
    line(text, "hot-restaurant-ratio", shape.hotRestaurantRatio());
    line(text, "late-ratio", shape.lateRatio());
    line(text, "max-lateness", shape.maxLateness());
    if (startedAt != null) {
      line(text, "started-at", startedAt);
    }
    if (finishedAt != null) {
      line(text, "finished-at", finishedAt);
    }
    if (!unacknowledged.isEmpty()) {
      line(text, "unacknowledged", String.join(",", unacknowledged));
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "--run-file: cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static void line(StringBuilder text, String key, Object value) {
    text.append(key).append('=').append(value).append('\n');
  }

  /**
   * Reads a run file.
   *
   * @throws IllegalArgumentException with a one-line message naming the file and the bad entry
   */
  public static RunFile read(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("--run-file: no file " + file);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--run-file: cannot read " + file + ": " + e.getMessage(), e);
    }
    Entries entries = new Entries(file, properties);
    long format = entries.longValue("format");
    if (format != FORMAT) {
      throw new IllegalArgumentException(
          "--run-file " + file + ": format " + format + " is not " + FORMAT);
    }
    try {
      OrderShape shape =
          new OrderShape(
              entries.doubleValue("hot-restaurant-ratio"),
              entries.text("hot-restaurant"),
              entries.doubleValue("late-ratio"),
              entries.duration("max-lateness"));
      GenerationSpec spec =
          new GenerationSpec(
              entries.longValue("seed"),
              entries.longValue("catalog-seed"),
              entries.doubleValue("invalid-ratio"),
              InvalidMix.parse(entries.text("invalid-kinds")),
              entries.longValue("start-sequence"),
              shape);
      return new RunFile(
          spec,
          entries.longValue("count"),
          entries.instant("started-at"),
          entries.instant("finished-at"),
          entries.list("unacknowledged"));
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("--run-file")) {
        throw e;
      }
      throw new IllegalArgumentException("--run-file " + file + ": " + e.getMessage(), e);
    }
  }

  private record Entries(Path file, Properties properties) {
    /** A comma-separated list; empty when the key is absent. */
    List<String> list(String key) {
      String value = properties.getProperty(key, "").trim();
      return value.isEmpty()
          ? List.of()
          : Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    String text(String key) {
      String value = properties.getProperty(key);
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("--run-file " + file + ": no " + key);
      }
      return value.trim();
    }

    long longValue(String key) {
      try {
        return Long.parseLong(text(key));
      } catch (NumberFormatException e) {
        throw bad(key);
      }
    }

    double doubleValue(String key) {
      try {
        return Double.parseDouble(text(key));
      } catch (NumberFormatException e) {
        throw bad(key);
      }
    }

    Duration duration(String key) {
      try {
        return Duration.parse(text(key).toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw bad(key);
      }
    }

    /** An instant, or null when the file does not have it. */
    Instant instant(String key) {
      if (properties.getProperty(key) == null) {
        return null;
      }
      try {
        return Instant.parse(text(key));
      } catch (DateTimeParseException e) {
        throw bad(key);
      }
    }

    private IllegalArgumentException bad(String key) {
      return new IllegalArgumentException(
          "--run-file "
              + file
              + ": "
              + key
              + " '"
              + properties.getProperty(key)
              + "' is not valid");
    }
  }
}
