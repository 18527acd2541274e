package dev.foodpipeline.dashboard;

/** A setting of the dashboard is wrong; the message names it. Exit code 2. */
public final class SettingsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SettingsException(String message) {
    super(message);
  }
}
