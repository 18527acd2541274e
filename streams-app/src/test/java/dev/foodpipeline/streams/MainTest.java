package dev.foodpipeline.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {
  @TempDir Path stateDir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int execute(Map<String, String> env, String... args) {
    CommandLine command = Main.commandLine(new Main(env, Duration.ofMillis(50)));
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    return command.execute(args);
  }

  @Test
  void helpListsEveryFlagAndItsEnvironmentVariable() {
    int exitCode = execute(Map.of(), "--help");

    assertThat(exitCode).isZero();
    var defaults = StreamsOptions.defaults(Map.of());
    for (var option : new CommandLine(new StreamsOptions()).getCommandSpec().options()) {
      if (!option.isMultiValue()) {
        String key = dev.foodpipeline.shell.Defaults.key(option);
        assertThat(out.toString()).contains(option.longestName(), defaults.envName(key));
      }
    }
    assertThat(out.toString()).contains("--config", "FOOD_STREAMS_CONFIG_<KEY>");
  }

  @Test
  void badSettingIsOneLineOnStderrWithExitCodeTwo() {
    int exitCode = execute(Map.of(), "--threads", "0", "--instance-id", "a");

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("streams-app: --threads must be >= 1, got 0" + System.lineSeparator());
  }

  @Test
  void badEnvironmentVariableIsOneLineWithExitCodeTwo() {
    int exitCode = execute(Map.of("FOOD_STREAMS_THREADS", "lots", "HOSTNAME", "h"));

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString().trim())
        .isEqualTo("streams-app: FOOD_STREAMS_THREADS must be a whole number, got 'lots'");
  }

  @Test
  void invalidKafkaPropertyIsOneLineWithExitCodeTwo() {
    int exitCode =
        execute(
            Map.of(),
            "--instance-id",
            "a",
            "--state-dir",
            stateDir.toString(),
            "-c",
            "processing.guarantee=sometimes");

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString().trim())
        .startsWith("streams-app: Invalid value sometimes for configuration processing.guarantee")
        .doesNotContain("\n");
  }

  @Test
  void threadsBeyondAnIntAreAUsageErrorNotOneThread() {
    assertThat(execute(Map.of(), "--threads", "4294967297")).isEqualTo(2);
    assertThat(err.toString().trim())
        .isEqualTo("streams-app: --threads must be at most 2147483647, got 4294967297");
  }

  @Test
  void unknownFlagIsAUsageErrorWithExitCodeTwo() {
    assertThat(execute(Map.of(), "--no-such-flag")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown option: '--no-such-flag'");
  }

  @Test
  void takenHttpPortIsOneLineWithExitCodeTwo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int exitCode =
          execute(
              Map.of(),
              "--instance-id",
              "a",
              "--state-dir",
              stateDir.toString(),
              "--bootstrap-servers",
              NoKafka.closedPort(),
              "--http-port",
              Integer.toString(taken.getLocalPort()));

      assertThat(exitCode).isEqualTo(2);
      assertThat(err.toString().trim())
          .startsWith(
              "streams-app: --http-port "
                  + taken.getLocalPort()
                  + " cannot be bound on 127.0.0.1: ")
          .doesNotContain("\n");
    }
  }

  @Test
  void flagsReachTheSettings() {
    Main main = new Main(Map.of("FOOD_STREAMS_THREADS", "3"), Duration.ofSeconds(1));
    Main.commandLine(main)
        .parseArgs(
            "--bootstrap-servers",
            "127.0.0.1:19092",
            "--instance-id",
            "b",
            "--state-dir",
            stateDir.toString(),
            "--application-id",
            "app",
            "--commit-interval-ms",
            "20",
            "--commit-after-records",
            "40",
            "--close-timeout-ms",
            "1500",
            "-c",
            "linger.ms=1",
            "--http-host",
            "0.0.0.0",
            "--http-port",
            "7075",
            "--advertised-host",
            "streams-b",
            "--static-membership",
            "false",
            "--dedup-retention-ms",
            "120000",
            "--stats-grace-ms",
            "45000",
            "--rocksdb-memory-mb",
            "8");

    StreamsSettings settings = main.settings();

    assertThat(settings)
        .isEqualTo(
            new StreamsSettings(
                "127.0.0.1:19092",
                "app",
                3,
                stateDir,
                "b",
                Duration.ofMillis(20),
                40,
                Duration.ofMillis(1500),
                "0.0.0.0",
                7075,
                "streams-b",
                false,
                Duration.ofMinutes(2),
                Duration.ofSeconds(45),
                8,
                Map.of("linger.ms", "1")));
  }
}
