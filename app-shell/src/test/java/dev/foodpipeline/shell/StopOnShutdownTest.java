package dev.foodpipeline.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class StopOnShutdownTest {

  /** Runs until asked to stop, then exits with 0. */
  @Command(name = "until-stopped")
  static final class Program implements Callable<Integer> {
    final CountDownLatch running = new CountDownLatch(1);
    final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
      running.countDown();
      stop.await();
      return ExitCodes.OK;
    }
  }

  @Test
  void theHookStopsTheRunAndReturnsOnceItHasFinished() throws Exception {
    Program program = new Program();
    StopOnShutdown shutdown =
        new StopOnShutdown("until-stopped", program.stop::countDown, () -> Duration.ofSeconds(30));
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () -> shutdown.execute(new CommandLine(program), new String[0]));
    assertThat(program.running.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(shutdown.stopAndWait()).isTrue();
    assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void theHookGivesUpAfterTheCloseTimeoutAndTheGrace() {
    AtomicInteger stops = new AtomicInteger();
    StopOnShutdown shutdown =
        new StopOnShutdown("stuck", stops::incrementAndGet, () -> Duration.ofMillis(-1_900));

    assertThat(shutdown.stopAndWait()).isFalse();
    assertThat(stops).hasValue(1);
  }

  @Test
  void runUntilStoppedReturnsTheCommandsExitCode() {
    @Command(name = "fails")
    class Fails implements Callable<Integer> {
      @Override
      public Integer call() {
        return ExitCodes.PROBLEM;
      }
    }

    assertThat(
            Shell.runUntilStopped(
                new CommandLine(new Fails()), new String[0], () -> {}, () -> Duration.ZERO))
        .isEqualTo(ExitCodes.PROBLEM);
  }
}
