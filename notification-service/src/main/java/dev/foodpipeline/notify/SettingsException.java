package dev.foodpipeline.notify;

/**
 * A bad setting; the message is one line that names it, e.g. "--kitchen-cooks must be >= 1, got 0".
 */
public final class SettingsException extends IllegalArgumentException {
  public SettingsException(String message) {
    super(message);
  }
}
