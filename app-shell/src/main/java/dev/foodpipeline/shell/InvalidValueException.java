package dev.foodpipeline.shell;

import picocli.CommandLine.TypeConversionException;

/**
 * A value that is not what its option takes, thrown by a converter with the message without the
 * option's name ({@code must be a whole number, got 'many'}); the shell prefixes where the value
 * came from ({@code --threads}, {@code FOOD_STREAMS_THREADS}, the config file) and prints it as the
 * one line of a usage error.
 */
public class InvalidValueException extends TypeConversionException {
  public InvalidValueException(String message) {
    super(message);
  }
}
