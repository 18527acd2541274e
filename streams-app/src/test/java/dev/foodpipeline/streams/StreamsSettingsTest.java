package dev.foodpipeline.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamsSettingsTest {
  @TempDir Path tempDir;

  @Test
  void defaultsAreDocumentedOnes() {
    StreamsSettings settings = StreamsSettings.builder().build(Map.of("HOSTNAME", "box-1"));

    assertThat(settings.bootstrapServers()).isEqualTo("127.0.0.1:9092");
    assertThat(settings.applicationId()).isEqualTo("food-orders-streams");
    assertThat(settings.threads()).isEqualTo(2);
    assertThat(settings.instanceId()).as("host name and HTTP port").isEqualTo("box-1-7070");
    assertThat(settings.stateDir())
        .isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "food-orders-streams-box-1-7070"));
    assertThat(settings.commitInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(settings.commitAfterRecords()).isEqualTo(30);
    assertThat(settings.closeTimeout()).isEqualTo(Duration.ofSeconds(8));
    assertThat(settings.httpHost()).isEqualTo("127.0.0.1");
    assertThat(settings.httpPort()).isEqualTo(7070);
    assertThat(settings.advertisedHost()).isEqualTo("127.0.0.1");
    assertThat(settings.applicationServer()).hasValue("127.0.0.1:7070");
    assertThat(settings.staticMembership()).isTrue();
    assertThat(settings.dedupRetention()).isEqualTo(Duration.ofHours(24));
    assertThat(settings.statsGrace()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.rocksDbMemoryMb()).isEqualTo(16);
    assertThat(settings.config()).isEmpty();
  }

  @Test
  void withAnyFreePortTheInstanceIdIsTheHostNameAndNoServerIsAdvertisedUntilBound() {
    StreamsSettings settings =
        StreamsSettings.builder().flag("--http-port", 0).build(Map.of("HOSTNAME", "box-1"));

    assertThat(settings.instanceId()).isEqualTo("box-1");
    assertThat(settings.applicationServer()).isEmpty();
    assertThat(settings.toProperties()).doesNotContainKey(StreamsConfig.APPLICATION_SERVER_CONFIG);
    StreamsSettings bound = settings.withHttpPort(41234);
    assertThat(bound.applicationServer()).hasValue("127.0.0.1:41234");
    assertThat(bound.toProperties())
        .containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG, "127.0.0.1:41234");
    assertThat(bound.instanceId()).isEqualTo("box-1");
  }

  @Test
  void listeningOnEveryAddressAdvertisesTheHostName() {
    StreamsSettings settings =
        StreamsSettings.builder()
            .flag("--http-host", "0.0.0.0")
            .build(Map.of("HOSTNAME", "streams-app-1"));

    assertThat(settings.advertisedHost()).isEqualTo("streams-app-1");
    assertThat(settings.toProperties())
        .containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG, "streams-app-1:7070");
    assertThat(
            StreamsSettings.builder()
                .flag("--http-host", "0.0.0.0")
                .flag("--advertised-host", "10.0.0.5")
                .build(Map.of())
                .applicationServer())
        .hasValue("10.0.0.5:7070");
  }

  @Test
  void consumersFetchAtMost256KiBPerPartitionUnlessAFetchSizeIsPassedThrough() {
    assertThat(StreamsSettings.builder().build().toProperties())
        .containsEntry("consumer.max.partition.fetch.bytes", "262144");
    assertThat(
            StreamsSettings.builder()
                .config("consumer.max.partition.fetch.bytes", "1048576")
                .build()
                .toProperties())
        .containsEntry("consumer.max.partition.fetch.bytes", "1048576");
    assertThat(
            StreamsSettings.builder()
                .config("max.partition.fetch.bytes", "1048576")
                .build()
                .toProperties())
        .containsEntry("max.partition.fetch.bytes", "1048576")
        .doesNotContainKey("consumer.max.partition.fetch.bytes");
  }

  @Test
  void staticMembershipNamesTheMainConsumerAfterTheInstanceUnlessTurnedOffOrGivenExplicitly() {
    assertThat(StreamsSettings.builder().flag("--instance-id", "a").build().toProperties())
        .containsEntry("main.consumer.group.instance.id", "a");
    assertThat(
            StreamsSettings.builder()
                .flag("--instance-id", "a")
                .flag("--static-membership", false)
                .build()
                .toProperties())
        .doesNotContainKey("main.consumer.group.instance.id")
        .doesNotContainKey("group.instance.id");
    assertThat(
            StreamsSettings.builder()
                .flag("--instance-id", "a")
                .config("group.instance.id", "mine")
                .build()
                .toProperties())
        .containsEntry("group.instance.id", "mine")
        .doesNotContainKey("main.consumer.group.instance.id");
  }

  @Test
  void instanceIdDefaultsToTheHostNameEvenWithoutTheVariable() {
    assertThat(StreamsSettings.defaults().instanceId()).isNotBlank().matches("[A-Za-z0-9._-]+");
  }

  @Test
  void environmentVariablesSetEverySetting() {
    StreamsSettings settings =
        StreamsSettings.builder()
            .build(
                Map.ofEntries(
                    Map.entry("FOOD_STREAMS_BOOTSTRAP_SERVERS", "kafka:29092,kafka2:29092"),
                    Map.entry("FOOD_STREAMS_APPLICATION_ID", "orders-test"),
                    Map.entry("FOOD_STREAMS_THREADS", "3"),
                    Map.entry("FOOD_STREAMS_INSTANCE_ID", "b"),
                    Map.entry("FOOD_STREAMS_STATE_DIR", "/var/lib/streams"),
                    Map.entry("FOOD_STREAMS_COMMIT_INTERVAL_MS", "250"),
                    Map.entry("FOOD_STREAMS_COMMIT_AFTER_RECORDS", "0"),
                    Map.entry("FOOD_STREAMS_CLOSE_TIMEOUT_MS", "5000"),
                    Map.entry("FOOD_STREAMS_HTTP_HOST", "0.0.0.0"),
                    Map.entry("FOOD_STREAMS_HTTP_PORT", "7071"),
                    Map.entry("FOOD_STREAMS_ADVERTISED_HOST", "streams-b"),
                    Map.entry("FOOD_STREAMS_STATIC_MEMBERSHIP", "false"),
                    Map.entry("FOOD_STREAMS_DEDUP_RETENTION_MS", "3600000"),
                    Map.entry("FOOD_STREAMS_STATS_GRACE_MS", "60000"),
                    Map.entry("FOOD_STREAMS_ROCKSDB_MEMORY_MB", "32"),
                    Map.entry("FOOD_STREAMS_CONFIG_NUM_STANDBY_REPLICAS", "1")));

    assertThat(settings)
        .isEqualTo(
            new StreamsSettings(
                "kafka:29092,kafka2:29092",
                "orders-test",
                3,
                Path.of("/var/lib/streams"),
                "b",
                Duration.ofMillis(250),
                0,
                Duration.ofSeconds(5),
                "0.0.0.0",
                7071,
                "streams-b",
                false,
                Duration.ofHours(1),
                Duration.ofMinutes(1),
                32,
                Map.of("num.standby.replicas", "1")));
  }

  @Test
  void flagsWinOverEnvironmentVariables() {
    StreamsSettings settings =
        StreamsSettings.builder()
            .flag("--bootstrap-servers", "127.0.0.1:19092")
            .flag("--threads", 4)
            .flag("--instance-id", "a")
            .flag("--state-dir", tempDir)
            .flag("--commit-interval-ms", 50)
            .flag("--commit-after-records", 500)
            .flag("--close-timeout-ms", 3000)
            .flag("--application-id", "flagged")
            .build(
                Map.of(
                    "FOOD_STREAMS_THREADS",
                    "3",
                    "FOOD_STREAMS_BOOTSTRAP_SERVERS",
                    "kafka:29092",
                    "FOOD_STREAMS_INSTANCE_ID",
                    "b",
                    "FOOD_STREAMS_COMMIT_AFTER_RECORDS",
                    "7"));

    assertThat(settings.bootstrapServers()).isEqualTo("127.0.0.1:19092");
    assertThat(settings.threads()).isEqualTo(4);
    assertThat(settings.instanceId()).isEqualTo("a");
    assertThat(settings.stateDir()).isEqualTo(tempDir);
    assertThat(settings.applicationId()).isEqualTo("flagged");
    assertThat(settings.commitInterval()).isEqualTo(Duration.ofMillis(50));
    assertThat(settings.commitAfterRecords()).isEqualTo(500);
    assertThat(settings.closeTimeout()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void propertiesSetExactlyOnceAndTheAppsDefaults() {
    Properties properties =
        StreamsSettings.builder()
            .flag("--instance-id", "a")
            .flag("--state-dir", tempDir)
            .flag("--threads", 3)
            .build()
            .toProperties();

    assertThat(properties)
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
        .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092")
        .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "food-orders-streams")
        .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "3")
        .containsEntry(StreamsConfig.STATE_DIR_CONFIG, tempDir.toString())
        .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "500")
        .containsEntry(StreamsConfig.CLIENT_ID_CONFIG, "food-orders-streams-a")
        .containsEntry(
            StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
            "dev.foodpipeline.streams.errors.RejectingDeserializationHandler")
        .containsEntry(
            StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
            "dev.foodpipeline.streams.errors.RejectingProcessingHandler")
        .containsEntry(
            StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
            "dev.foodpipeline.streams.errors.RejectingProductionHandler")
        .containsEntry("processing.exception.handler.global.enabled", "true")
        .containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG, "127.0.0.1:7070")
        .containsEntry(
            StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG,
            "dev.foodpipeline.streams.errors.WallClockOnInvalidTimestamp")
        .containsEntry(
            StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG,
            "dev.foodpipeline.streams.state.BoundedRocksDbConfig")
        .containsEntry("food.rocksdb.memory.bytes", Long.toString(16L * 1024 * 1024))
        .containsEntry(StreamsConfig.PROBING_REBALANCE_INTERVAL_MS_CONFIG, "60000")
        .containsEntry("main.consumer.group.instance.id", "a");
    assertThat(new StreamsConfig(properties).getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
        .isEqualTo("exactly_once_v2");
  }

  @Test
  void passedThroughPropertiesOverrideTheAppsDefaults() {
    Properties properties =
        StreamsSettings.builder()
            .flag("--instance-id", "a")
            .config("processing.guarantee", "at_least_once")
            .config("client.id", "custom")
            .config("num.standby.replicas", "1")
            .build()
            .toProperties();

    assertThat(properties)
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE)
        .containsEntry(StreamsConfig.CLIENT_ID_CONFIG, "custom")
        .containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "1");
  }

  @Test
  void passthroughPrecedenceIsFlagThenEnvironmentThenFile() throws IOException {
    Path file = tempDir.resolve("streams.properties");
    Files.writeString(
        file,
        "kafka.linger.ms=5\nkafka.num.standby.replicas=1\nkafka.max.poll.records=100\n"
            + "kafka.num.stream.threads=6\n");

    StreamsSettings settings =
        StreamsSettings.builder()
            .flag("--config-file", file)
            .config("linger.ms", "20")
            .flag("--instance-id", "a")
            .build(
                Map.of(
                    "FOOD_STREAMS_CONFIG_LINGER_MS",
                    "10",
                    "FOOD_STREAMS_CONFIG_NUM_STANDBY_REPLICAS",
                    "2"));

    assertThat(settings.config())
        .isEqualTo(
            Map.of("linger.ms", "20", "num.standby.replicas", "2", "max.poll.records", "100"));
    assertThat(settings.threads())
        .as("a typed setting from the file, when no flag or variable sets it")
        .isEqualTo(6);
  }

  @Test
  void typedFlagWinsOverTheSamePropertyPassedThrough() {
    StreamsSettings settings =
        StreamsSettings.builder()
            .flag("--instance-id", "a")
            .flag("--threads", 2)
            .config("num.stream.threads", "8")
            .config("bootstrap.servers", "other:9092")
            .build();

    assertThat(settings.threads()).isEqualTo(2);
    assertThat(settings.bootstrapServers()).isEqualTo("other:9092");
    assertThat(settings.toProperties())
        .containsEntry("num.stream.threads", "2")
        .containsEntry("bootstrap.servers", "other:9092");
    assertThat(settings.config()).isEmpty();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--threads|0|--threads must be >= 1, got 0",
        "--threads|many|--threads must be a whole number, got 'many'",
        "--bootstrap-servers|kafka|--bootstrap-servers must be host:port[,host:port...], got 'kafka'",
        "--bootstrap-servers|kafka:99999|--bootstrap-servers must be host:port[,host:port...], got 'kafka:99999'",
        "--bootstrap-servers|' '|--bootstrap-servers must not be empty",
        "--application-id|my app|--application-id must be letters, digits, '.', '_' or '-', got 'my app'",
        "--instance-id|a/b|--instance-id must be letters, digits, '.', '_' or '-', got 'a/b'",
        "--commit-interval-ms|-1|--commit-interval-ms must be >= 0, got -1",
        "--commit-after-records|-1|--commit-after-records must be >= 0, got -1",
        "--close-timeout-ms|0|--close-timeout-ms must be >= 1, got 0",
        "--state-dir|''|--state-dir must not be empty",
        "--http-port|70000|--http-port must be 0..65535 (0 = any free port), got 70000",
        "--http-port|-1|--http-port must be 0..65535 (0 = any free port), got -1",
        "--http-host|''|--http-host must not be empty",
        "--http-host|my host|--http-host must be a host name or IP address, got 'my host'",
        "--advertised-host|0.0.0.0|--advertised-host must be an address other instances can reach, not '0.0.0.0'",
        "--static-membership|yes|--static-membership must be true or false, got 'yes'",
        "--dedup-retention-ms|1000|--dedup-retention-ms must be >= 60000, got 1000",
        "--rocksdb-memory-mb|2|--rocksdb-memory-mb must be 4..65536, got 2",
        "--stats-grace-ms|-1|--stats-grace-ms must be 0..1800000, got -1",
        "--stats-grace-ms|3600000|--stats-grace-ms must be 0..1800000, got 3600000",
        "--config-file|/no/such/file.properties|--config-file: no file /no/such/file.properties"
      })
  void badFlagFailsWithOneLineNamingIt(String flag, String value, String message) {
    assertThatThrownBy(
            () -> StreamsSettings.builder().flag("--instance-id", "a").flag(flag, value).build())
        .isInstanceOf(SettingsException.class)
        .hasMessage(message);
  }

  @Test
  void badEnvironmentVariableIsNamedInTheMessage() {
    assertThatThrownBy(
            () ->
                StreamsSettings.builder()
                    .build(Map.of("FOOD_STREAMS_THREADS", "0", "HOSTNAME", "h")))
        .hasMessage("FOOD_STREAMS_THREADS must be >= 1, got 0");
    assertThatThrownBy(
            () -> StreamsSettings.builder().build(Map.of("FOOD_STREAMS_INSTANCE_ID", "a b")))
        .hasMessage("FOOD_STREAMS_INSTANCE_ID must be letters, digits, '.', '_' or '-', got 'a b'");
  }

  @Test
  void badPassedThroughValueIsNamedByItsProperty() {
    assertThatThrownBy(
            () ->
                StreamsSettings.builder()
                    .flag("--instance-id", "a")
                    .config("num.stream.threads", "0")
                    .build())
        .hasMessage("num.stream.threads must be >= 1, got 0");
  }

  @Test
  void settingsBuiltDirectlyAreValidatedToo() {
    assertThatThrownBy(() -> builtDirectly(0, "127.0.0.1"))
        .hasMessage("--threads must be >= 1, got 0");
    assertThatThrownBy(() -> builtDirectly(1, "0.0.0.0"))
        .hasMessageStartingWith("--advertised-host must be an address other instances can reach");
  }

  /** The record's own constructor, valid but for {@code threads} and {@code advertisedHost}. */
  private StreamsSettings builtDirectly(int threads, String advertisedHost) {
    return new StreamsSettings(
        "127.0.0.1:9092",
        "app",
        threads,
        tempDir,
        "a",
        Duration.ZERO,
        0,
        Duration.ofSeconds(1),
        "127.0.0.1",
        7070,
        advertisedHost,
        true,
        Duration.ofHours(1),
        Duration.ZERO,
        16,
        Map.of());
  }

  @Test
  void everySettingHasAnEnvironmentVariableNamedAfterItsFlag() {
    var defaults = StreamsOptions.defaults(Map.of());
    assertThat(
            new picocli.CommandLine(new StreamsOptions())
                .getCommandSpec().options().stream()
                    .filter(option -> !option.isMultiValue())
                    .map(option -> defaults.envName(dev.foodpipeline.shell.Defaults.key(option))))
        // In any order: the flags every Streams program shares come first, from app-shell's mixin.
        .containsExactlyInAnyOrder(
            "FOOD_STREAMS_BOOTSTRAP_SERVERS",
            "FOOD_STREAMS_APPLICATION_ID",
            "FOOD_STREAMS_THREADS",
            "FOOD_STREAMS_STATE_DIR",
            "FOOD_STREAMS_INSTANCE_ID",
            "FOOD_STREAMS_COMMIT_INTERVAL_MS",
            "FOOD_STREAMS_COMMIT_AFTER_RECORDS",
            "FOOD_STREAMS_CLOSE_TIMEOUT_MS",
            "FOOD_STREAMS_HTTP_HOST",
            "FOOD_STREAMS_HTTP_PORT",
            "FOOD_STREAMS_ADVERTISED_HOST",
            "FOOD_STREAMS_STATIC_MEMBERSHIP",
            "FOOD_STREAMS_DEDUP_RETENTION_MS",
            "FOOD_STREAMS_STATS_GRACE_MS",
            "FOOD_STREAMS_ROCKSDB_MEMORY_MB",
            "FOOD_STREAMS_CONFIG_FILE");
  }

  @Test
  void describeIsOneLineWithEverySetting() {
    String line =
        StreamsSettings.builder()
            .flag("--instance-id", "a")
            .flag("--state-dir", tempDir)
            .config("linger.ms", "5")
            .build()
            .describe();

    assertThat(line)
        .doesNotContain("\n")
        .contains(
            "instance a of food-orders-streams",
            "127.0.0.1:9092",
            "2 thread(s)",
            tempDir.toString(),
            "commit every 500 ms or 30 records",
            "linger.ms=5",
            "HTTP 127.0.0.1:7070",
            "static membership on",
            "PT24H",
            "stats grace PT30S",
            "RocksDB 16 MiB");
  }

  @Test
  void theSharedBootstrapVariableIsReadAfterTheAppsOwn() {
    assertThat(
            StreamsSettings.builder()
                .build(Map.of("FOOD_BOOTSTRAP_SERVERS", "kafka:9092", "HOSTNAME", "h"))
                .bootstrapServers())
        .isEqualTo("kafka:9092");
    assertThat(
            StreamsSettings.builder()
                .build(
                    Map.of(
                        "FOOD_BOOTSTRAP_SERVERS", "kafka:9092",
                        "FOOD_STREAMS_BOOTSTRAP_SERVERS", "mine:9092"))
                .bootstrapServers())
        .isEqualTo("mine:9092");
  }

  @Test
  void theConfigFileTakesFlagsAndKafkaPropertiesAndPointsOldEntriesToTheirNewName()
      throws IOException {
    Path file = tempDir.resolve("streams.properties");
    Files.writeString(file, "threads=3\nkafka.linger.ms=5\n");
    StreamsSettings settings = StreamsSettings.builder().flag("--config-file", file).build();
    assertThat(settings.threads()).isEqualTo(3);
    assertThat(settings.config()).containsExactly(Map.entry("linger.ms", "5"));

    Files.writeString(file, "linger.ms=5\n");
    assertThatThrownBy(() -> StreamsSettings.builder().flag("--config-file", file).build())
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("unknown setting 'linger.ms'")
        .hasMessageContaining("kafka.<name>");
  }

  @Test
  void aBadValueInTheConfigFileNamesTheFile() throws IOException {
    Path file = tempDir.resolve("streams.properties");
    Files.writeString(file, "threads=0\n");
    assertThatThrownBy(
            () ->
                StreamsSettings.builder()
                    .flag("--config-file", file)
                    .flag("--instance-id", "a")
                    .build())
        .hasMessage("threads in " + file + " must be >= 1, got 0");
  }
}
