package dev.foodpipeline.infra;

import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs a local-stack command on its own thread, as its main would, and stops it as SIGTERM would.
 */
final class BackgroundCommand implements AutoCloseable {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final ShutdownSignal shutdown = ShutdownSignal.manual();
  private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();

  private BackgroundCommand(Function<ShutdownSignal, Object> command, String... args) {
    Thread thread =
        new Thread(
            () -> {
              try {
                exitCode.complete(
                    Commands.execute(
                        Commands.commandLine(command.apply(shutdown), Map.of()),
                        shutdown,
                        new PrintWriter(out, true),
                        new PrintWriter(err, true),
                        args));
              } catch (Throwable t) {
                exitCode.completeExceptionally(t);
              }
            },
            "background-command");
    thread.setDaemon(true);
    thread.start();
  }

  static BackgroundCommand start(Function<ShutdownSignal, Object> command, String... args) {
    return new BackgroundCommand(command, args);
  }

  /**
   * Waits until stdout contains {@code text}; fails early, with stderr, if the command ends first.
   */
  String awaitOutput(String text, Duration timeout) {
    await()
        .atMost(timeout)
        .until(
            () -> {
              if (exitCode.isDone()) {
                throw new AssertionError(
                    "Command ended with "
                        + exitCode.getNow(null)
                        + " before printing '"
                        + text
                        + "'; stderr: "
                        + err);
              }
              return out.toString().contains(text);
            });
    return out.toString();
  }

  /** As SIGTERM: asks the command to stop and returns its exit code. */
  int stop() throws Exception {
    shutdown.requestStop();
    return exitCode.get(60, TimeUnit.SECONDS);
  }

  String out() {
    return out.toString();
  }

  @Override
  public void close() throws Exception {
    if (!exitCode.isDone()) {
      stop();
    }
  }
}
