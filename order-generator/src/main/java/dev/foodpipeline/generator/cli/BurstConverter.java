package dev.foodpipeline.generator.cli;

import dev.foodpipeline.generator.producer.LoadShape.Burst;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --burst RATExLENGTH/PERIOD}, such as {@code 500x2s/10s}: 500 orders/s for 2 s every
 * 10 s.
 */
public final class BurstConverter implements ITypeConverter<Burst> {
  private static final Pattern BURST =
      Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*x\\s*([^/]+)/(.+)");
  private static final String FORM =
      " (write RATExLENGTH/PERIOD, such as 500x2s/10s: 500 orders/s for 2 s every 10 s)";

  private final DurationConverter durations = new DurationConverter();

  @Override
  public Burst convert(String value) {
    Matcher matcher = BURST.matcher(value);
    if (!matcher.matches()) {
      throw new TypeConversionException("'" + value + "' is not a burst" + FORM);
    }
    try {
      double rate = Double.parseDouble(matcher.group(1));
      Duration length = durations.convert(matcher.group(2));
      Duration period = durations.convert(matcher.group(3));
      return new Burst(rate, length, period);
    } catch (TypeConversionException | IllegalArgumentException e) {
      throw new TypeConversionException("'" + value + "': " + e.getMessage() + FORM);
    }
  }
}
