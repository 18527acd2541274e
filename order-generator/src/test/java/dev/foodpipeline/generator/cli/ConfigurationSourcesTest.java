package dev.foodpipeline.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.shell.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flags, then FOOD_GENERATOR_* variables, then --config-file, then the defaults. */
class ConfigurationSourcesTest {
  private final CliRunner cli = new CliRunner();

  @Test
  void aFlagComesFromTheEnvironmentWhenNotGiven() {
    cli.env.put("FOOD_GENERATOR_COUNT", "7");
    cli.env.put("FOOD_GENERATOR_RATE", "0");
    cli.env.put("FOOD_GENERATOR_SEED", "5");

    assertThat(cli.run("produce")).isZero();
    assertThat(cli.kafka.sender.sent())
        .hasSize(7)
        .first()
        .matches(s -> s.key().equals("o-5-00000001"));
  }

  @Test
  void theCommandLineWinsOverTheEnvironment() {
    cli.env.put("FOOD_GENERATOR_COUNT", "7");
    cli.env.put("FOOD_GENERATOR_RATE", "0");

    assertThat(cli.run("produce", "--count", "3")).isZero();
    assertThat(cli.kafka.sender.sent()).hasSize(3);
  }

  @Test
  void aConfigFileGivesFlagsAndKafkaClientSettings(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("generator.properties");
    Files.writeString(
        file,
        "count=4\nrate=0\nseed=8\nbootstrap-servers=kafka-9:9092\nno-setup=true\n"
            + "kafka.security.protocol=SASL_SSL\nkafka.sasl.mechanism=PLAIN\n");
    cli.kafka.topics.add("food-orders");

    assertThat(cli.run("produce", "--config-file", file.toString())).isZero();
    assertThat(cli.kafka.sender.sent())
        .hasSize(4)
        .first()
        .matches(s -> s.key().equals("o-8-00000001"));
    assertThat(cli.kafka.settingsSeen.get(0).bootstrapServers()).isEqualTo("kafka-9:9092");
    assertThat(cli.kafka.settingsSeen.get(0).clientOverrides())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "PLAIN");
    assertThat(cli.kafka.topics).containsExactly("food-orders");
  }

  @Test
  void theEnvironmentWinsOverTheConfigFileWhichTheEnvironmentCanName(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("generator.properties");
    Files.writeString(file, "count=4\nrate=0\n");
    cli.env.put("FOOD_GENERATOR_CONFIG_FILE", file.toString());
    cli.env.put("FOOD_GENERATOR_COUNT", "2");

    assertThat(cli.run("produce")).isZero();
    assertThat(cli.kafka.sender.sent()).hasSize(2);
  }

  @Test
  void producerConfigWinsOverTheConfigFilesKafkaSettings(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("generator.properties");
    Files.writeString(file, "kafka.linger.ms=50\nkafka.acks=1\n");
    Path client = dir.resolve("client.properties");
    Files.writeString(client, "linger.ms=20\n");

    assertThat(
            cli.run(
                "topics", "--config-file", file.toString(), "--producer-config", client.toString()))
        .isZero();
    assertThat(cli.kafka.settingsSeen.get(0).clientOverrides())
        .containsEntry("linger.ms", "20")
        .containsEntry("acks", "1");
  }

  @Test
  void configValuesWinOverProducerConfigAndTheConfigFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("generator.properties");
    Files.writeString(file, "kafka.linger.ms=50\nkafka.acks=1\n");
    Path client = dir.resolve("client.properties");
    Files.writeString(client, "linger.ms=20\ncompression.type=lz4\n");

    assertThat(
            cli.run(
                "topics",
                "--config-file",
                file.toString(),
                "--producer-config",
                client.toString(),
                "-c",
                "linger.ms=10",
                "--config",
                "acks=all"))
        .isZero();
    assertThat(cli.kafka.settingsSeen.get(0).clientOverrides())
        .containsEntry("linger.ms", "10")
        .containsEntry("acks", "all")
        .containsEntry("compression.type", "lz4");
  }

  @Test
  void aConfigValueWithoutEqualsSignPointsToProducerConfig() {
    assertThat(cli.run("produce", "--config", "client.properties")).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err().strip())
        .isEqualTo("--config takes KEY=VALUE; a client properties file is --producer-config FILE");
    assertThat(cli.kafka.settingsSeen).isEmpty();
  }

  @Test
  void anUnknownSettingInTheConfigFileIsAUsageErrorNamingIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("generator.properties");
    Files.writeString(file, "rate=5\nrat=6\n");

    assertThat(cli.run("produce", "--config-file", file.toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).startsWith("--config-file " + file + ": unknown setting 'rat'");
    assertThat(cli.kafka.settingsSeen).isEmpty();
  }

  @Test
  void aSettingOfAnotherSubcommandIsAllowedInTheSharedFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("generator.properties");
    Files.writeString(file, "jdbc-url=jdbc:postgresql://db/food\nrate=0\ncount=1\n");

    assertThat(cli.run("produce", "--config-file", file.toString())).isZero();
    assertThat(cli.run("reconcile", "--config-file", file.toString(), "--count", "0")).isZero();
    assertThat(cli.tables.opened.get(0).jdbcUrl()).isEqualTo("jdbc:postgresql://db/food");
  }

  @Test
  void aMissingConfigFileIsAUsageError(@TempDir Path dir) {
    assertThat(cli.run("topics", "--config-file", dir.resolve("absent").toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).startsWith("--config-file: no file");
  }

  @Test
  void aBadValueFromTheEnvironmentNamesTheFlag() {
    cli.env.put("FOOD_GENERATOR_RATE", "fast");

    assertThat(cli.run("produce", "--count", "1")).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).startsWith("Invalid value for option '--rate': 'fast' is not a double");
  }

  @Test
  void theEnvironmentNamesAreDerivedFromTheFlags() {
    assertThat(GeneratorCommand.defaults(Map.of()).envName("invalid-ratio"))
        .isEqualTo("FOOD_GENERATOR_INVALID_RATIO");
    assertThat(GeneratorCommand.defaults(Map.of()).envName("config-file"))
        .isEqualTo("FOOD_GENERATOR_CONFIG_FILE");
  }
}
