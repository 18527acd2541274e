package dev.foodpipeline.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ShutdownSignalTest {

  @Test
  void theShutdownHookRequestsTheStopAndReturnsOnceCleanupIsDone() throws InterruptedException {
    ShutdownSignal signal = ShutdownSignal.manual();
    signal.markStopped();

    signal.stopAndWait();

    assertThat(signal.isStopRequested()).isTrue();
    signal.awaitStopRequest();
  }

  @Test
  void aSignalTiedToTheJvmStartsUnraised() {
    ShutdownSignal signal = ShutdownSignal.onJvmShutdown();
    signal.markStopped();

    assertThat(signal.isStopRequested()).isFalse();
  }

  @Test
  void everyLocalStackMainPrintsItsUsage() {
    assertThat(captureStdout(() -> LocalKafka.main(new String[] {"--help"})))
        .contains("Usage: local-kafka");
    assertThat(captureStdout(() -> LocalPostgres.main(new String[] {"--help"})))
        .contains("Usage: local-postgres");
    assertThat(captureStdout(() -> LocalConnect.main(new String[] {"--help"})))
        .contains("Usage: local-connect");
  }

  private static String captureStdout(Runnable action) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
