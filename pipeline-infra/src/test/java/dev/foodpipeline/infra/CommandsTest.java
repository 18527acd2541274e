package dev.foodpipeline.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class CommandsTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void describesAnErrorWithItsRootCauseOnOneLine() {
    Exception error =
        new IllegalStateException(
            "Couldn't start",
            new RuntimeException("wrapped", new java.io.IOException("disk full")));

    assertThat(Commands.describe(error))
        .isEqualTo("Couldn't start (cause: java.io.IOException: disk full)");
    assertThat(Commands.describe(new IllegalStateException("plain"))).isEqualTo("plain");
  }

  @Test
  void localPostgresRefusesATakenPortWithOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int exitCode =
          run(
              new LocalPostgres(),
              "--port",
              String.valueOf(taken.getLocalPort()),
              "--data-dir",
              "unused");

      assertThat(exitCode).isEqualTo(1);
      assertThat(err.toString().strip())
          .isEqualTo(
              "Port "
                  + taken.getLocalPort()
                  + " on 127.0.0.1 is already in use: is another PostgreSQL running?");
    }
  }

  @Test
  void localKafkaRefusesATakenListenerPort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int exitCode =
          run(
              new LocalKafka(ShutdownSignal.manual()),
              "--config",
              "config/kafka/server.properties",
              "--log-dir",
              "unused",
              "--set",
              "listeners=PLAINTEXT://127.0.0.1:"
                  + taken.getLocalPort()
                  + ",CONTROLLER://127.0.0.1:"
                  + Ports.free());

      assertThat(exitCode).isEqualTo(1);
      assertThat(err.toString())
          .contains(
              "Port "
                  + taken.getLocalPort()
                  + " on 127.0.0.1 (listener PLAINTEXT) "
                  + "is already in use");
    }
  }

  @Test
  void localConnectRefusesATakenRestPort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int exitCode =
          run(
              new LocalConnect(ShutdownSignal.manual()),
              "--config",
              "../connect/config/connect-distributed.properties",
              "--set",
              "listeners=http://127.0.0.1:" + taken.getLocalPort());

      assertThat(exitCode).isEqualTo(1);
      assertThat(err.toString())
          .contains(
              "Port "
                  + taken.getLocalPort()
                  + " on 127.0.0.1 (Connect REST) "
                  + "is already in use");
    }
  }

  @Test
  void aMissingRequiredFlagIsAUsageError() {
    int exitCode = run(new LocalPostgres(), "--port", "5432");

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option: '--data-dir=<dataDirectory>'");
  }

  @Test
  void anUnreadableConfigFileIsReportedOnOneLine() {
    int exitCode =
        run(
            new LocalKafka(ShutdownSignal.manual()),
            "--config",
            "does/not/exist.properties",
            "--log-dir",
            "unused");

    assertThat(exitCode).isEqualTo(Commands.STARTUP_FAILED);
    assertThat(err.toString()).startsWith("local-kafka: ").contains("does/not/exist.properties");
    assertThat(err.toString().strip()).doesNotContain("\n");
  }

  @Test
  void helpPrintsUsageAndExitsZero() {
    int exitCode = run(new LocalConnect(ShutdownSignal.manual()), "--help");

    assertThat(exitCode).isZero();
    assertThat(out.toString()).contains("Usage: local-connect").contains("--set=KEY=VALUE");
  }

  private int run(Object command, String... args) {
    ShutdownSignal shutdown = ShutdownSignal.manual();
    return Commands.execute(
        command, shutdown, new PrintWriter(out, true), new PrintWriter(err, true), args);
  }
}
