package dev.foodpipeline.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Maps an error to a {@link Failure} by its cause chain. Rules added with {@link #on} are tried on
 * each cause from the outermost inwards, the first that matches wins; then the rules of {@link
 * #onDeepest}, for types whose innermost occurrence says most (a general Kafka error); else an
 * {@link ExitCodes#INTERNAL_ERROR} naming the error's class. The programs add their own rules (the
 * Kafka ones among them); the shell knows no library.
 */
public final class ErrorClassifier {
  private record Rule<T extends Throwable>(Class<T> type, Function<? super T, Failure> failure) {
    Failure apply(Throwable cause) {
      return failure.apply(type.cast(cause));
    }
  }

  private final String program;
  private final List<Rule<?>> outermostFirst = new ArrayList<>();
  private final List<Rule<?>> deepest = new ArrayList<>();

  /**
   * @param program names the program in the message of an internal error
   */
  public ErrorClassifier(String program) {
    this.program = program;
  }

  /** A cause of this type anywhere in the chain becomes this failure (earlier rules first). */
  public <T extends Throwable> ErrorClassifier on(
      Class<T> type, Function<? super T, Failure> failure) {
    outermostFirst.add(new Rule<>(type, failure));
    return this;
  }

  /** A cause of this type becomes this failure; shorthand for the cause's first line. */
  public ErrorClassifier on(Class<? extends Throwable> type, int exitCode) {
    return on(type, cause -> new Failure(exitCode, Errors.oneLine(cause.getMessage())));
  }

  /** When no {@link #on} rule matched: the innermost cause of this type becomes this failure. */
  public <T extends Throwable> ErrorClassifier onDeepest(
      Class<T> type, Function<? super T, Failure> failure) {
    deepest.add(new Rule<>(type, failure));
    return this;
  }

  public Failure classify(Throwable error) {
    for (Throwable cause = error; cause != null; cause = Errors.next(cause)) {
      for (Rule<?> rule : outermostFirst) {
        if (rule.type().isInstance(cause)) {
          return rule.apply(cause);
        }
      }
    }
    for (Rule<?> rule : deepest) {
      Throwable match = null;
      for (Throwable cause = error; cause != null; cause = Errors.next(cause)) {
        if (rule.type().isInstance(cause)) {
          match = cause;
        }
      }
      if (match != null) {
        return rule.apply(match);
      }
    }
    return new Failure(
        ExitCodes.INTERNAL_ERROR,
        program
            + " failed: "
            + error.getClass().getName()
            + (error.getMessage() == null ? "" : ": " + Errors.oneLine(error.getMessage())));
  }
}
