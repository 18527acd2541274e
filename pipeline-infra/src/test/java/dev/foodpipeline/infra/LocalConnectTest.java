package dev.foodpipeline.infra;

import static dev.foodpipeline.infra.ProgramRun.parsed;
import static dev.foodpipeline.infra.ProgramRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.shell.ExitCodes;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LocalConnect's command line on the shell; no worker starts here. */
class LocalConnectTest {

  private static final String WORKER_PROPERTIES =
      "../connect/config/connect-distributed.properties";

  @TempDir Path directory;

  private static LocalConnect connect() {
    return new LocalConnect(ShutdownSignal.manual());
  }

  @Test
  void helpShowsTheFlagsExitCodesAndVariables() {
    ProgramRun result = run(connect(), Map.of(), "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains(
            "Usage: local-connect",
            "--worker-config=FILE",
            "--bootstrap-servers=HOST:PORT[,...]",
            "-c, --config=KEY=VALUE",
            "Exit codes:",
            "FOOD_LOCAL_CONNECT_WORKER_CONFIG",
            "FOOD_LOCAL_CONNECT_BOOTSTRAP_SERVERS",
            "then FOOD_BOOTSTRAP_SERVERS")
        .doesNotContain("--set");
  }

  @Test
  void anUnknownFlagIsOneLineAndAPointerToHelp() {
    ProgramRun result =
        run(connect(), Map.of(), "--worker-config", WORKER_PROPERTIES, "--plugin-path");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err().lines().findFirst())
        .hasValue("local-connect: Unknown option: '--plugin-path'");
    assertThat(result.err())
        .endsWith("Try 'local-connect --help' for more information." + System.lineSeparator());
  }

  @Test
  void theOldConfigFileFlagPointsToWorkerConfig() {
    ProgramRun result = run(connect(), Map.of(), "--config", WORKER_PROPERTIES);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err().strip())
        .isEqualTo(
            "local-connect: --config takes KEY=VALUE; the worker properties file is --worker-config FILE");
  }

  @Test
  void theOldSetFlagStillSetsWorkerProperties() throws Exception {
    Map<String, String> properties =
        parsed(
                connect(),
                Map.of(),
                "--worker-config",
                WORKER_PROPERTIES,
                "--set",
                "plugin.path=/abs/plugins",
                "-c",
                "group.id=it")
            .workerProperties();

    assertThat(properties)
        .containsEntry("plugin.path", "/abs/plugins")
        .containsEntry("group.id", "it")
        .containsEntry("bootstrap.servers", "127.0.0.1:9092");
  }

  @Test
  void bootstrapServersComeFromTheSharedVariableOverTheFileAndConfig() throws Exception {
    Map<String, String> properties =
        parsed(
                connect(),
                Map.of("FOOD_BOOTSTRAP_SERVERS", "kafka:9092"),
                "--worker-config",
                WORKER_PROPERTIES,
                "-c",
                "bootstrap.servers=elsewhere:9092")
            .workerProperties();

    assertThat(properties).containsEntry("bootstrap.servers", "kafka:9092");
  }

  @Test
  void readsItsVariablesAndTheConfigFile() throws Exception {
    Path configFile =
        Files.writeString(
            directory.resolve("connect.properties"),
            "bootstrap-servers=broker:9092\nkafka.group.id=from-file\n");

    Map<String, String> properties =
        parsed(
                connect(),
                Map.of("FOOD_LOCAL_CONNECT_WORKER_CONFIG", WORKER_PROPERTIES),
                "--config-file",
                configFile.toString())
            .workerProperties();

    assertThat(properties)
        .containsEntry("bootstrap.servers", "broker:9092")
        .containsEntry("group.id", "from-file")
        .containsEntry("offset.storage.topic", "connect-offsets");
  }

  @Test
  void aTakenRestPortFromTheOldSetFlagIsAStartFailure() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      ProgramRun result =
          run(
              connect(),
              Map.of(),
              "--worker-config",
              WORKER_PROPERTIES,
              "--set",
              "listeners=http://127.0.0.1:" + taken.getLocalPort());

      assertThat(result.exitCode()).isEqualTo(ExitCodes.START_FAILED);
      assertThat(result.err().lines()).hasSize(1);
      assertThat(result.err()).contains("Port " + taken.getLocalPort() + " on 127.0.0.1");
    }
  }
}
