package dev.foodpipeline.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> env, String... args) {
    CommandLine commandLine = Main.commandLine(new Main(env, Duration.ofMillis(100)));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void helpListsTheFlagsTheirVariablesAndTheExitCodes() {
    assertThat(run(Map.of(), "--help")).isZero();
    assertThat(out.toString())
        .contains(
            "--bootstrap-servers",
            "--application-id",
            "--http-port",
            "--state-dir",
            "--kitchen-window-ms",
            "--kitchen-cooks",
            "--heartbeat-ms",
            "--max-subscribers",
            "--subscriber-queue",
            "--config-file",
            "FOOD_NOTIFICATION_SERVICE_HTTP_PORT",
            "then FOOD_BOOTSTRAP_SERVERS",
            "2    bad flag, setting or Kafka property");
    assertThat(run(Map.of(), "--version")).isZero();
    assertThat(out.toString()).contains("notification-service 1.0.0");
  }

  @Test
  void aBadValueIsOneLineNamingItsSourceAndExitCode2() {
    assertThat(run(Map.of(), "--kitchen-cooks", "0")).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("notification-service: --kitchen-cooks must be 1..1000000, got 0");
  }

  @Test
  void aBadVariableIsNamedByTheVariable() {
    assertThat(run(Map.of("FOOD_NOTIFICATION_SERVICE_HEARTBEAT_MS", "5"), "--http-port", "0"))
        .isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo(
            "notification-service: FOOD_NOTIFICATION_SERVICE_HEARTBEAT_MS must be 100..3600000,"
                + " got 5");
  }

  @Test
  void anUnknownFlagIsOneLineAndAHint() {
    assertThat(run(Map.of(), "--no-such-flag")).isEqualTo(2);
    assertThat(err.toString())
        .contains("Unknown option: '--no-such-flag'")
        .contains("Try 'notification-service --help' for more information.");
  }

  @Test
  void aKafkaPropertyKafkaRejectsIsExitCode2() {
    assertThat(run(Map.of(), "--http-port", "0", "-c", "processing.guarantee=sometimes"))
        .isEqualTo(2);
    assertThat(err.toString())
        .startsWith("notification-service: ")
        .contains("processing.guarantee");
  }

  @Test
  void anHttpPortInUseIsExitCode2() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      assertThat(
              run(
                  Map.of(),
                  "--http-port",
                  String.valueOf(taken.getLocalPort()),
                  "--state-dir",
                  dir.toString()))
          .isEqualTo(2);
      assertThat(err.toString())
          .startsWith(
              "notification-service: --http-port " + taken.getLocalPort() + " cannot be bound");
    }
  }

  @Test
  void theConfigFileAndTheFlagsMakeTheSettings() throws Exception {
    Path file = dir.resolve("notify.properties");
    Files.writeString(
        file, "kitchen-cooks=7\nheartbeat-ms=2000\nkafka.security.protocol=PLAINTEXT\n");
    NotifySettings settings =
        NotifySettings.builder()
            .flag("--config-file", file)
            .flag("--kitchen-window-ms", 60000)
            .config("linger.ms", "5")
            .build(Map.of("FOOD_BOOTSTRAP_SERVERS", "kafka:9092"));
    assertThat(settings.kitchenCooks()).isEqualTo(7);
    assertThat(settings.heartbeat()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.kitchenWindow()).isEqualTo(Duration.ofMinutes(1));
    assertThat(settings.bootstrapServers()).isEqualTo("kafka:9092");
    assertThat(settings.httpPort()).isEqualTo(7080);
    assertThat(settings.applicationId()).isEqualTo("notification-service");
    assertThat(settings.stateDir().getFileName().toString()).isEqualTo("notification-service-7080");
    assertThat(settings.config())
        .containsEntry("security.protocol", "PLAINTEXT")
        .containsEntry("linger.ms", "5");
    assertThat(settings.streamsProperties())
        .containsEntry("processing.guarantee", "exactly_once_v2")
        .containsEntry("application.id", "notification-service")
        .containsEntry("commit.interval.ms", "500")
        .containsEntry("consumer.max.partition.fetch.bytes", "262144")
        .containsEntry("security.protocol", "PLAINTEXT");
    assertThat(settings.clientProperties())
        .containsEntry("bootstrap.servers", "kafka:9092")
        .containsEntry("security.protocol", "PLAINTEXT")
        .containsEntry("max.partition.fetch.bytes", "262144")
        .doesNotContainKey("application.id");
    assertThat(settings.kitchen().capacity(10)).isEqualTo(1);
    assertThat(settings.kitchen().capacity(1)).isEqualTo(7);
    assertThat(settings.commitAfterRecords()).isEqualTo(30);
    assertThat(settings.describe())
        .contains("commit every 500 ms or 30 records", "kitchen window 60000 ms with 7 cooks");
  }

  @Test
  void aPassedThroughFetchSizeIsTheOneOfEveryConsumer() {
    NotifySettings settings =
        NotifySettings.builder().config("max.partition.fetch.bytes", "1048576").build();
    assertThat(settings.streamsProperties())
        .containsEntry("max.partition.fetch.bytes", "1048576")
        .doesNotContainKey("consumer.max.partition.fetch.bytes");
    assertThat(settings.clientProperties()).containsEntry("max.partition.fetch.bytes", "1048576");
  }

  @Test
  void theSettingsCheckEveryValue() {
    assertThatThrownBy(() -> NotifySettings.builder().flag("--bootstrap-servers", "nohost").build())
        .hasMessage("--bootstrap-servers must be host:port[,host:port...], got 'nohost'");
    assertThatThrownBy(() -> NotifySettings.builder().flag("--application-id", "a b").build())
        .hasMessage("--application-id must be letters, digits, '.', '_' or '-', got 'a b'");
    assertThatThrownBy(() -> NotifySettings.builder().flag("--http-host", "a b").build())
        .hasMessage("--http-host must be a host name or IP address, got 'a b'");
    assertThatThrownBy(() -> NotifySettings.builder().flag("--max-subscribers", 0).build())
        .hasMessage("--max-subscribers must be 1..10000, got 0");
  }
}
