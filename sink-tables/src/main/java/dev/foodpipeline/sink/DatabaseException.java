package dev.foodpipeline.sink;

/** The database could not be reached or refused a query. The message is one line that names it. */
public final class DatabaseException extends RuntimeException {
  public DatabaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
