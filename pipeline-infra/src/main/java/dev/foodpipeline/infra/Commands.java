package dev.foodpipeline.infra;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;

/**
 * Runs the local-stack commands: one place maps a failure to a one-line message and exit code 2,
 * and ties the command's end to its {@link ShutdownSignal}.
 */
final class Commands {

  static final int STARTUP_FAILED = 2;

  private Commands() {}

  /**
   * For a main method: runs on stdout/stderr and exits non-zero on failure (not during a JVM
   * shutdown).
   */
  static void main(Object command, ShutdownSignal shutdown, String... args) {
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, Charset.defaultCharset()), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true);
    int exitCode = execute(command, shutdown, out, err, args);
    if (exitCode != 0 && !shutdown.isStopRequested()) {
      System.exit(exitCode);
    }
  }

  /** Runs the command to its end and marks the shutdown signal stopped, whatever happened. */
  static int execute(
      Object command, ShutdownSignal shutdown, PrintWriter out, PrintWriter err, String... args) {
    try {
      CommandLine commandLine = new CommandLine(command);
      commandLine.setOut(out);
      commandLine.setErr(err);
      commandLine.setExecutionExceptionHandler(
          (error, cmd, parseResult) -> {
            cmd.getErr().println(cmd.getCommandName() + ": " + describe(error));
            cmd.getErr().flush();
            return STARTUP_FAILED;
          });
      return commandLine.execute(args);
    } finally {
      shutdown.markStopped();
    }
  }

  /** The message of the error and of its root cause, on one line. */
  static String describe(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = String.valueOf(error.getMessage());
    return root == error ? message : message + " (cause: " + root + ")";
  }
}
