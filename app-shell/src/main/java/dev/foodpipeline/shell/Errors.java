package dev.foodpipeline.shell;

/** Helpers to turn a throwable's cause chain into one line for the user. */
public final class Errors {
  private Errors() {}

  /** The first line of a message, stripped; {@code (no message)} for null. */
  public static String oneLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    return message.strip().lines().findFirst().orElse("");
  }

  /** The first line of the error's message, or its simple class name when it has none. */
  public static String oneLineOf(Throwable error) {
    return error.getMessage() == null
        ? error.getClass().getSimpleName()
        : oneLine(error.getMessage());
  }

  /** The deepest cause (the error itself when it has none); safe against cycles. */
  public static Throwable rootCause(Throwable error) {
    Throwable root = error;
    int depth = 0;
    while (root.getCause() != null && root.getCause() != root && depth++ < 100) {
      root = root.getCause();
    }
    return root;
  }

  /** The first line of the root cause's message: what a log line or an error line should say. */
  public static String rootCauseLine(Throwable error) {
    return oneLineOf(rootCause(error));
  }

  /** Whether the error or one of its causes is of one of the types. */
  @SafeVarargs
  public static boolean hasCause(Throwable error, Class<? extends Throwable>... types) {
    for (Throwable cause = error; cause != null; cause = next(cause)) {
      for (Class<? extends Throwable> type : types) {
        if (type.isInstance(cause)) {
          return true;
        }
      }
    }
    return false;
  }

  static Throwable next(Throwable cause) {
    return cause.getCause() == cause ? null : cause.getCause();
  }
}
