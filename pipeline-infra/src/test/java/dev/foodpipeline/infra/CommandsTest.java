package dev.foodpipeline.infra;

import static dev.foodpipeline.infra.ProgramRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.shell.ExitCodes;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the local-stack programs share on the shell: start-up failures, usage errors, help. */
class CommandsTest {

  @Test
  void localPostgresRefusesATakenPortWithOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      ProgramRun result =
          run(
              new LocalPostgres(),
              Map.of(),
              "--port",
              String.valueOf(taken.getLocalPort()),
              "--data-dir",
              "unused");

      assertThat(result.exitCode()).isEqualTo(ExitCodes.START_FAILED);
      assertThat(result.err().strip())
          .isEqualTo(
              "local-postgres: Port "
                  + taken.getLocalPort()
                  + " on 127.0.0.1 is already in use: is another PostgreSQL running?");
    }
  }

  @Test
  void localKafkaRefusesATakenListenerPort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      ProgramRun result =
          run(
              new LocalKafka(ShutdownSignal.manual()),
              Map.of(),
              "--broker-config",
              "config/kafka/server.properties",
              "--log-dir",
              "unused",
              "-c",
              "listeners=PLAINTEXT://127.0.0.1:"
                  + taken.getLocalPort()
                  + ",CONTROLLER://127.0.0.1:"
                  + Ports.free());

      assertThat(result.exitCode()).isEqualTo(ExitCodes.START_FAILED);
      assertThat(result.err().strip())
          .isEqualTo(
              "local-kafka: Port "
                  + taken.getLocalPort()
                  + " on 127.0.0.1 (listener PLAINTEXT) is already in use: is another broker running?");
    }
  }

  @Test
  void localConnectRefusesATakenRestPort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      ProgramRun result =
          run(
              new LocalConnect(ShutdownSignal.manual()),
              Map.of(),
              "--worker-config",
              "../connect/config/connect-distributed.properties",
              "-c",
              "listeners=http://127.0.0.1:" + taken.getLocalPort());

      assertThat(result.exitCode()).isEqualTo(ExitCodes.START_FAILED);
      assertThat(result.err().strip())
          .isEqualTo(
              "local-connect: Port "
                  + taken.getLocalPort()
                  + " on 127.0.0.1 (Connect REST) is already in use: is another worker running?");
    }
  }

  @Test
  void aComponentThatFailsToStartIsOneLineNamingItAndTheRootCause() {
    Commands.StartFailedException failure =
        org.junit.jupiter.api.Assertions.assertThrows(
            Commands.StartFailedException.class,
            () ->
                Commands.starting(
                    "Kafka",
                    () -> {
                      throw new IllegalStateException(
                          "wrapped", new java.io.IOException("the log dir is locked"));
                    }));

    assertThat(failure).hasMessage("Kafka did not start: the log dir is locked");
    assertThat(Commands.classifier("local-kafka").classify(failure).exitCode())
        .isEqualTo(ExitCodes.START_FAILED);
  }

  @Test
  void aMissingRequiredFlagIsAUsageError() {
    ProgramRun result = run(new LocalPostgres(), Map.of(), "--port", "5432");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("Missing required option: '--data-dir=DIR'");
  }

  @Test
  void anUnreadableConfigFileIsReportedOnOneLine() {
    ProgramRun result =
        run(
            new LocalKafka(ShutdownSignal.manual()),
            Map.of(),
            "--broker-config",
            "does/not/exist.properties",
            "--log-dir",
            "unused");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err().strip())
        .isEqualTo(
            "local-kafka: --broker-config must be an existing file, got 'does/not/exist.properties'");
  }

  @Test
  void helpPrintsUsageAndExitsZero() {
    ProgramRun result = run(new LocalConnect(ShutdownSignal.manual()), Map.of(), "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("Usage: local-connect")
        .contains("-c, --config=KEY=VALUE")
        .doesNotContain("--set");
  }
}
