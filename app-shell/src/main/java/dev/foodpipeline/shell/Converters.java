package dev.foodpipeline.shell;

import java.util.Locale;
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
}
