package dev.foodpipeline.connect;

/** A failure the registrar reports as one plain line (and exit code 1), without a stack trace. */
public class RegistrarException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RegistrarException(String message) {
    super(message);
  }

  public RegistrarException(String message, Throwable cause) {
    super(message, cause);
  }
}
