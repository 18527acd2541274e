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
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LocalKafka's command line on the shell; no broker starts here. */
class LocalKafkaTest {

  private static final String SERVER_PROPERTIES = "config/kafka/server.properties";

  @TempDir Path directory;

  private static LocalKafka kafka() {
    return new LocalKafka(ShutdownSignal.manual());
  }

  @Test
  void helpShowsTheFlagsTheirDefaultsExitCodesAndVariables() {
    ProgramRun result = run(kafka(), Map.of(), "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains(
            "Usage: local-kafka",
            "Runs a KRaft Kafka broker+controller",
            "--cluster-id=ID",
            "--node-id=N",
            "--ready-timeout=SECONDS",
            "--broker-config=FILE",
            "--log-dir=DIR",
            "-c, --config=KEY=VALUE",
            "--config-file=FILE",
            "Exit codes:",
            "6    could not start",
            "Environment (a flag wins over its variable, a variable over --config-file):",
            "FOOD_LOCAL_KAFKA_BROKER_CONFIG",
            "FOOD_LOCAL_KAFKA_LOG_DIR")
        .doesNotContain("--set");
  }

  @Test
  void anUnknownFlagIsOneLineAndAPointerToHelp() {
    ProgramRun result =
        run(
            kafka(),
            Map.of(),
            "--broker-config",
            SERVER_PROPERTIES,
            "--log-dir",
            "x",
            "--log-dirs");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err().lines().findFirst())
        .hasValue("local-kafka: Unknown option: '--log-dirs'");
    assertThat(result.err().lines().reduce((first, second) -> second))
        .hasValue("Try 'local-kafka --help' for more information.");
  }

  @Test
  void theOldConfigFileFlagPointsToBrokerConfig() {
    ProgramRun result =
        run(kafka(), Map.of(), "--config", SERVER_PROPERTIES, "--log-dir", "unused");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err().strip())
        .isEqualTo(
            "local-kafka: --config takes KEY=VALUE; the broker properties file is --broker-config FILE");
  }

  @Test
  void theOldSetFlagStillSetsBrokerPropertiesAndConfigWins() throws Exception {
    Properties properties =
        parsed(
                kafka(),
                Map.of(),
                "--broker-config",
                SERVER_PROPERTIES,
                "--log-dir",
                "logs",
                "--set",
                "num.partitions=5",
                "--set",
                "node.id=7",
                "-c",
                "num.partitions=6")
            .brokerProperties();

    assertThat(properties)
        .containsEntry("num.partitions", "6")
        .containsEntry("node.id", "7")
        .containsEntry("process.roles", "broker,controller")
        .containsEntry("log.dirs", Path.of("logs").toAbsolutePath().toString());
  }

  @Test
  void readsItsVariablesAndTheConfigFile() throws Exception {
    Path configFile =
        Files.writeString(
            directory.resolve("kafka.properties"),
            "broker-config=" + SERVER_PROPERTIES + "\nkafka.num.partitions=7\nlog-dir=ignored\n");

    Properties properties =
        parsed(
                kafka(),
                Map.of(
                    "FOOD_LOCAL_KAFKA_LOG_DIR", directory.resolve("kafka").toString(),
                    "FOOD_LOCAL_KAFKA_CONFIG_FILE", configFile.toString()))
            .brokerProperties();

    assertThat(properties)
        .containsEntry("num.partitions", "7")
        .containsEntry("node.id", "1")
        .containsEntry("log.dirs", directory.resolve("kafka").toString());
  }

  @Test
  void aBadValueNamesTheVariableItCameFrom() {
    ProgramRun result =
        run(
            kafka(),
            Map.of("FOOD_LOCAL_KAFKA_BROKER_CONFIG", "missing.properties"),
            "--log-dir",
            "unused");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err().strip())
        .isEqualTo(
            "local-kafka: FOOD_LOCAL_KAFKA_BROKER_CONFIG must be an existing file, got 'missing.properties'");
  }

  @Test
  void anUnknownConfigFileEntryIsNamed() throws Exception {
    Path configFile = Files.writeString(directory.resolve("bad.properties"), "logdir=x\n");

    ProgramRun result = run(kafka(), Map.of(), "--config-file", configFile.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("unknown setting 'logdir'");
  }

  @Test
  void aTakenPortFromTheConfigFileIsAStartFailure() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Path configFile =
          Files.writeString(
              directory.resolve("kafka.properties"),
              "kafka.listeners=PLAINTEXT://127.0.0.1:"
                  + taken.getLocalPort()
                  + ",CONTROLLER://127.0.0.1:"
                  + Ports.free()
                  + "\n");

      ProgramRun result =
          run(
              kafka(),
              Map.of(),
              "--broker-config",
              SERVER_PROPERTIES,
              "--log-dir",
              "unused",
              "--config-file",
              configFile.toString());

      assertThat(result.exitCode()).isEqualTo(ExitCodes.START_FAILED);
      assertThat(result.err().lines()).hasSize(1);
      assertThat(result.err()).contains("Port " + taken.getLocalPort() + " on 127.0.0.1");
    }
  }

  @Test
  void aMalformedListenerIsAUsageError() {
    ProgramRun result =
        run(
            kafka(),
            Map.of(),
            "--broker-config",
            SERVER_PROPERTIES,
            "--log-dir",
            "unused",
            "-c",
            "listeners=PLAINTEXT:9092");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err().strip())
        .startsWith("local-kafka: Invalid Kafka setting: ")
        .contains("PLAINTEXT:9092");
  }

  @Test
  void aQuorumNodeTakesItsNodeIdClusterIdAndReadyTimeout() throws Exception {
    String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
    LocalKafka kafka =
        parsed(
            kafka(),
            Map.of("FOOD_LOCAL_KAFKA_CLUSTER_ID", clusterId),
            "--broker-config",
            SERVER_PROPERTIES,
            "--log-dir",
            "logs",
            "-c",
            "node.id=5",
            "--node-id",
            "2",
            "--ready-timeout",
            "240");

    assertThat(kafka.brokerProperties()).containsEntry("node.id", "2");
    assertThat(kafka.clusterId()).hasValue(clusterId);
    assertThat(kafka.readyTimeout()).isEqualTo(240);
  }

  @Test
  void withoutAClusterIdANewOneIsMadeAndTheReadyTimeoutIs60Seconds() throws Exception {
    LocalKafka kafka =
        parsed(kafka(), Map.of(), "--broker-config", SERVER_PROPERTIES, "--log-dir", "logs");

    assertThat(kafka.clusterId()).isEmpty();
    assertThat(kafka.readyTimeout()).isEqualTo(60);
    assertThat(kafka.brokerProperties()).containsEntry("node.id", "1");
  }

  @Test
  void aMalformedClusterIdIsOneUsageLine() {
    ProgramRun result =
        run(
            kafka(),
            Map.of(),
            "--broker-config",
            SERVER_PROPERTIES,
            "--log-dir",
            "unused",
            "--cluster-id",
            "not-an-id");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err().strip())
        .startsWith("local-kafka: --cluster-id")
        .contains("must be a cluster id of 22 base64 characters")
        .contains("'not-an-id'");
  }

  @Test
  void aNegativeNodeIdOrAZeroReadyTimeoutIsAUsageError() {
    for (String[] flag : new String[][] {{"--node-id", "-1"}, {"--ready-timeout", "0"}}) {
      ProgramRun result =
          run(
              kafka(),
              Map.of(),
              "--broker-config",
              SERVER_PROPERTIES,
              "--log-dir",
              directory.resolve("k").toString(),
              flag[0],
              flag[1]);

      assertThat(result.exitCode()).as(flag[0]).isEqualTo(ExitCodes.USAGE);
      assertThat(result.err().strip()).as(flag[0]).contains(flag[0]);
    }
  }
}
