package dev.foodpipeline.shell;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * What {@link Shell#runUntilStopped} adds to a program's run: a shutdown hook that asks the program
 * to stop and holds the JVM until the run has finished closing, at most the close timeout and
 * {@link #GRACE} more.
 */
final class StopOnShutdown {
  private static final Logger log = LoggerFactory.getLogger(StopOnShutdown.class);

  /** Allowed on top of the program's close timeout before the JVM goes anyway. */
  static final Duration GRACE = Duration.ofSeconds(2);

  private final String program;
  private final Runnable requestStop;
  private final Supplier<Duration> closeTimeout;
  private final CountDownLatch finished = new CountDownLatch(1);

  StopOnShutdown(String program, Runnable requestStop, Supplier<Duration> closeTimeout) {
    this.program = program;
    this.requestStop = requestStop;
    this.closeTimeout = closeTimeout;
  }

  /** Executes the command with the hook in place; returns its exit code. */
  int execute(CommandLine commandLine, String[] args) {
    Thread hook = new Thread(this::stopAndWait, program + "-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return commandLine.execute(args);
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running: it sees the latch and returns.
      }
    }
  }

  /**
   * The hook: asks the program to stop, then waits for its run to finish.
   *
   * @return whether the run finished in time
   */
  boolean stopAndWait() {
    requestStop.run();
    try {
      if (finished.await(closeTimeout.get().plus(GRACE).toMillis(), TimeUnit.MILLISECONDS)) {
        return true;
      }
      log.warn("{} did not finish closing in time; exiting anyway", program);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }
}
