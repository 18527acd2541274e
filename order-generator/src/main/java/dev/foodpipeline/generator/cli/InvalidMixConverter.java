package dev.foodpipeline.generator.cli;

import dev.foodpipeline.generator.InvalidKind;
import dev.foodpipeline.generator.InvalidMix;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --invalid-kinds} with {@link InvalidMix#parse(String)}. */
public final class InvalidMixConverter implements ITypeConverter<InvalidMix> {
  @Override
  public InvalidMix convert(String value) {
    try {
      return InvalidMix.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  /** The kinds' command-line names, for the help text. */
  public static final class KindNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(InvalidKind.values()).map(InvalidMix::name).iterator();
    }
  }
}
