package dev.foodpipeline.generator.producer;

/**
 * A setting (a flag or a client setting from a file) has a value that cannot work; the message
 * names it.
 */
public final class InvalidSettingException extends IllegalArgumentException {
  public InvalidSettingException(String message) {
    super(message);
  }
}
