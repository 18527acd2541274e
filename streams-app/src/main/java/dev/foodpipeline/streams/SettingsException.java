package dev.foodpipeline.streams;

/** A bad setting; the message is one line that names it, e.g. "--threads must be >= 1, got 0". */
public final class SettingsException extends IllegalArgumentException {
  public SettingsException(String message) {
    super(message);
  }
}
