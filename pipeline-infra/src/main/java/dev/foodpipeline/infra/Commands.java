package dev.foodpipeline.infra;

import dev.foodpipeline.shell.Defaults;
import dev.foodpipeline.shell.ErrorClassifier;
import dev.foodpipeline.shell.Errors;
import dev.foodpipeline.shell.ExitCodes;
import dev.foodpipeline.shell.Failure;
import dev.foodpipeline.shell.MetricsServer;
import dev.foodpipeline.shell.Shell;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The local-stack programs on the shared shell ({@code app-shell}): each is a picocli command whose
 * settings come from flags, {@code FOOD_<PROGRAM>_<FLAG>} ({@code local-kafka} reads {@code
 * FOOD_LOCAL_KAFKA_*}), the shared {@code FOOD_*} names and {@code --config-file}; a failure to
 * start is {@link ExitCodes#START_FAILED}, a failed query {@link ExitCodes#DATABASE_ERROR}, a bad
 * setting {@link ExitCodes#USAGE}. Ties the command's end to its {@link ShutdownSignal}.
 */
final class Commands {

  private Commands() {}

  /** A component that could not start for a reason of this machine: exit code 6, one line. */
  static final class StartFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StartFailedException(String message) {
      super(message);
    }

    StartFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** PostgreSQL unreachable, the login refused or a failed statement: exit code 5, one line. */
  static final class DatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DatabaseException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Starts a component; whatever it throws is a {@link StartFailedException} naming it and the root
   * cause, except a setting Kafka rejects, which stays a usage error.
   */
  static <T> T starting(String component, Supplier<T> start) {
    try {
      return start.get();
    } catch (RuntimeException e) {
      if (Errors.hasCause(e, ConfigException.class, StartFailedException.class)) {
        throw e;
      }
      throw new StartFailedException(component + " did not start: " + Errors.rootCauseLine(e), e);
    }
  }

  /** The rules of every local-stack program, for the shell's classifier. */
  static ErrorClassifier classifier(String program) {
    return new ErrorClassifier(program)
        .on(StartFailedException.class, ExitCodes.START_FAILED)
        .on(DatabaseException.class, ExitCodes.DATABASE_ERROR)
        .on(MetricsServer.StartException.class, ExitCodes.START_FAILED)
        .on(
            ConfigException.class,
            e ->
                new Failure(
                    ExitCodes.USAGE, "Invalid Kafka setting: " + Errors.oneLine(e.getMessage())));
  }

  /** The program's name in its variables: {@code local-kafka} reads {@code FOOD_LOCAL_KAFKA_*}. */
  static String envName(Object command) {
    return name(command).toUpperCase(Locale.ROOT).replace('-', '_');
  }

  private static String name(Object command) {
    return command.getClass().getAnnotation(Command.class).name();
  }

  /**
   * The command line of a local-stack program: the shell's defaults, help and error handling.
   *
   * @param prefix put before every error line ({@code "local-kafka: "}), or empty
   */
  static CommandLine commandLine(Object command, Map<String, String> env, String prefix) {
    Defaults defaults = new Defaults(envName(command), env);
    return Shell.withEnvironmentHelp(
        Shell.commandLine(command, defaults, classifier(name(command)), prefix), defaults);
  }

  /** {@link #commandLine(Object, Map, String)} with the program's name as the prefix. */
  static CommandLine commandLine(Object command, Map<String, String> env) {
    return commandLine(command, env, name(command) + ": ");
  }

  /**
   * For a main method: runs on stdout/stderr with the process's environment and exits non-zero on
   * failure (not during a JVM shutdown).
   */
  static void main(Object command, ShutdownSignal shutdown, String... args) {
    main(commandLine(command, System.getenv()), shutdown, args);
  }

  static void main(CommandLine commandLine, ShutdownSignal shutdown, String... args) {
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, Charset.defaultCharset()), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true);
    int exitCode = execute(commandLine, shutdown, out, err, args);
    if (exitCode != 0 && !shutdown.isStopRequested()) {
      System.exit(exitCode);
    }
  }

  /** Runs the command to its end and marks the shutdown signal stopped, whatever happened. */
  static int execute(
      CommandLine commandLine,
      ShutdownSignal shutdown,
      PrintWriter out,
      PrintWriter err,
      String... args) {
    try {
      commandLine.setOut(out);
      commandLine.setErr(err);
      return commandLine.execute(args);
    } finally {
      shutdown.markStopped();
    }
  }
}
