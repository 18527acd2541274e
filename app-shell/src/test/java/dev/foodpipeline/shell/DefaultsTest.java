package dev.foodpipeline.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DefaultsTest {
  @TempDir Path dir;

  private TestProgram parse(Map<String, String> env, String... args) {
    TestProgram program = new TestProgram();
    new CommandLine(program).setDefaultValueProvider(new Defaults("test", env)).parseArgs(args);
    return program;
  }

  private Path file(String text) throws IOException {
    Path file = dir.resolve("settings.properties");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void theFlagWinsOverEverythingElse() throws IOException {
    Path file = file("rate=3\n");
    TestProgram program =
        parse(
            Map.of("FOOD_TEST_RATE", "1", "FOOD_TEST_CONFIG_FILE", file.toString()), "--rate", "7");
    assertThat(program.rate).isEqualTo(7);
  }

  @Test
  void theProgramsVariableWinsOverTheSharedOneAndTheFile() throws IOException {
    Path file = file("bootstrap-servers=file:9092\nrate=3\n");
    TestProgram program =
        parse(
            Map.of(
                "FOOD_TEST_BOOTSTRAP_SERVERS", "mine:9092",
                "FOOD_BOOTSTRAP_SERVERS", "shared:9092",
                "FOOD_TEST_RATE", "1"),
            "--config-file",
            file.toString());
    assertThat(program.bootstrapServers).isEqualTo("mine:9092");
    assertThat(program.rate).isEqualTo(1);
  }

  @Test
  void theSharedVariableWinsOverTheFile() throws IOException {
    Path file = file("bootstrap-servers=file:9092\n");
    TestProgram program =
        parse(Map.of("FOOD_BOOTSTRAP_SERVERS", "shared:9092"), "--config-file", file.toString());
    assertThat(program.bootstrapServers).isEqualTo("shared:9092");
  }

  @Test
  void theFileWinsOverTheDefaultAndABlankVariableIsUnset() throws IOException {
    Path file = file("bootstrap-servers=file:9092\nrate=3\nkafka.linger.ms=5\n");
    TestProgram program = parse(Map.of("FOOD_TEST_RATE", " "), "--config-file", file.toString());
    assertThat(program.bootstrapServers).isEqualTo("file:9092");
    assertThat(program.rate).isEqualTo(3);
  }

  @Test
  void withoutAnySourceTheOptionsDefault() {
    TestProgram program = parse(Map.of());
    assertThat(program.bootstrapServers).isEqualTo("127.0.0.1:9092");
    assertThat(program.rate).isEqualTo(10);
  }

  @Test
  void kafkaSettingsOfTheFileAreKeptApart() throws IOException {
    Path file = file("kafka.linger.ms=5\nrate=3\n");
    TestProgram program = new TestProgram();
    Defaults defaults = new Defaults("test", Map.of());
    CommandLine command = new CommandLine(program).setDefaultValueProvider(defaults);
    command.parseArgs("--config-file", file.toString());
    assertThat(defaults.kafkaSettings(command.getCommandSpec()))
        .containsExactly(Map.entry("linger.ms", "5"));
  }

  @Test
  void passedKafkaSettingsAreTheFilesThenEachListALaterOneWinning() throws IOException {
    Path file = file("kafka.linger.ms=5\nkafka.acks=1\n");
    Defaults defaults = new Defaults("test", Map.of());
    CommandLine command = new CommandLine(new TestProgram()).setDefaultValueProvider(defaults);
    command.parseArgs("--config-file", file.toString());

    assertThat(
            Defaults.kafkaSettingsOf(
                command.getCommandSpec(),
                List.of(Map.entry("acks", "0"), Map.entry("batch.size", "1")),
                List.of(Map.entry("batch.size", "2"))))
        .isEqualTo(Map.of("linger.ms", "5", "acks", "0", "batch.size", "2"));
  }

  @Test
  void rememberWhereAValueCameFrom() throws IOException {
    Path file = file("rate=3\n");
    Defaults defaults = new Defaults("test", Map.of("FOOD_BOOTSTRAP_SERVERS", "shared:9092"));
    CommandLine command = new CommandLine(new TestProgram()).setDefaultValueProvider(defaults);
    command.parseArgs("--config-file", file.toString(), "--count", "4");
    var spec = command.getCommandSpec();
    assertThat(defaults.source(spec.findOption("--bootstrap-servers"), "shared:9092"))
        .isEqualTo("FOOD_BOOTSTRAP_SERVERS");
    assertThat(defaults.source(spec.findOption("--rate"), "3")).isEqualTo("rate in " + file);
    assertThat(defaults.source(spec.findOption("--count"), "4")).isEqualTo("--count");
    assertThat(defaults.envName("invalid-ratio")).isEqualTo("FOOD_TEST_INVALID_RATIO");
    assertThat(Defaults.knownSettings(spec)).contains("rate", "count", "config-file");
  }

  @Test
  void aFallbackComesAfterTheFile() {
    Defaults defaults =
        new Defaults("test", Map.of()) {
          @Override
          protected String fallback(picocli.CommandLine.Model.CommandSpec command, String key) {
            return key.equals("rate") ? from(key, "rate.property", "9") : null;
          }
        };
    TestProgram program = new TestProgram();
    new CommandLine(program).setDefaultValueProvider(defaults).parseArgs();
    assertThat(program.rate).isEqualTo(9);
  }
}
