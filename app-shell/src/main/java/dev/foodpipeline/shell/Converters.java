package dev.foodpipeline.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;

/**
 * Converters whose errors are one line naming where the value came from (see {@link
 * InvalidValueException}), for options read from flags, variables and the config file alike.
 */
public final class Converters {
  private Converters() {}

  /** A {@code long}: {@code must be a whole number, got 'many'}. */
  public static final class WholeNumber implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        return Long.parseLong(value.trim());
      } catch (NumberFormatException e) {
        throw new InvalidValueException("must be a whole number, got '" + value + "'");
      }
    }
  }

  /** An {@code int}, checked before it is narrowed: 4294967297 is an error, never 1. */
  public static final class Int implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      long number = new WholeNumber().convert(value);
      if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
        throw new InvalidValueException(
            "must be at most " + Integer.MAX_VALUE + ", got " + value.trim());
      }
      return (int) number;
    }
  }

  /** {@code true} or {@code false}, any case: {@code must be true or false, got 'yes'}. */
  public static final class Bool implements ITypeConverter<Boolean> {
    @Override
    public Boolean convert(String value) {
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> throw new InvalidValueException("must be true or false, got '" + value + "'");
      };
    }
  }

  /**
   * A {@code KEY=VALUE} setting passed through ({@code -c, --config KEY=VALUE}): a value without
   * {@code =} is {@code --config takes KEY=VALUE, got 'x'}, or, with a hint from a subclass, {@code
   * --config takes KEY=VALUE; <hint>} (a pointer for users of an older flag of the same name).
   */
  public static class KeyValue implements ITypeConverter<Map.Entry<String, String>> {
    private final String hint;

    public KeyValue() {
      this("");
    }

    /**
     * @param hint what a value without {@code =} probably meant, such as {@code the broker
     *     properties file is --broker-config FILE}
     */
    protected KeyValue(String hint) {
      this.hint = hint;
    }

    @Override
    public Map.Entry<String, String> convert(String value) {
      int equals = value.indexOf('=');
      if (equals <= 0) {
        throw new InvalidValueException(
            hint.isEmpty() ? "takes KEY=VALUE, got '" + value + "'" : "takes KEY=VALUE; " + hint);
      }
      return Map.entry(value.substring(0, equals).trim(), value.substring(equals + 1).trim());
    }

    /** The settings in order, a later one replacing an earlier one of the same key. */
    @SafeVarargs
    public static Map<String, String> toMap(List<Map.Entry<String, String>>... lists) {
      Map<String, String> settings = new LinkedHashMap<>();
      for (List<Map.Entry<String, String>> list : lists) {
        list.forEach(entry -> settings.put(entry.getKey(), entry.getValue()));
      }
      return settings;
    }
  }

  /** A path to an existing regular file: {@code must be an existing file, got 'x'}. */
  public static final class ExistingFile implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
      Path path = Path.of(value.trim());
      if (!Files.isRegularFile(path)) {
        throw new InvalidValueException("must be an existing file, got '" + value + "'");
      }
      return path;
    }
  }
}
