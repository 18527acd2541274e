package dev.foodpipeline.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.foodpipeline.shell.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class CommandLineParsingTest {
  private final CliRunner cli = new CliRunner();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "produce --bogus                | Unknown option: '--bogus'",
        "produce --count -5             | --count must be 0 or more, was -5",
        "produce --count many           | Invalid value for option '--count': 'many' is not a long",
        "produce --invalid-ratio 1.5    | --invalid-ratio must be between 0.0 and 1.0, was 1.5",
        "produce --invalid-ratio -0.1   | --invalid-ratio must be between 0.0 and 1.0, was -0.1",
        "produce --duration soon        | Invalid value for option '--duration': 'soon' is not a duration (write 500ms, 30s, 5m, 2h, 6d or PT30S)",
        "produce --duration 0s          | --duration must be more than 0, was PT0S",
        "produce --rate -1              | --rate must be 0 (as fast as possible) or more, was -1.0",
        "produce --start-sequence -1    | --start-sequence must be 0 or more, was -1",
        "produce --replication-factor 0 | --replication-factor must be between 1 and 32767, was 0",
        "produce --timeout 0s           | --timeout must be more than 0, was 0 s",
        "produce --bootstrap-servers '' | --bootstrap-servers must not be empty",
        "topics --replication-factor 0  | --replication-factor must be between 1 and 32767, was 0",
        "topics --timeout 5             | Invalid value for option '--timeout': '5' is not a duration",
        "restaurants --seed x           | Invalid value for option '--seed': 'x' is not a long",
        "produce extra                  | Unmatched argument at index 1: 'extra'",
        "produce --invalid-kinds bogus  | Invalid value for option '--invalid-kinds': unknown invalid kind 'bogus' (kinds: malformed-json,",
        "produce --invalid-kinds a=1=2  | Invalid value for option '--invalid-kinds': 'a=1=2' is not KIND or KIND=WEIGHT",
        "produce --burst 500            | Invalid value for option '--burst': '500' is not a burst (write RATExLENGTH/PERIOD",
        "produce --burst 500x10s/2s     | Invalid value for option '--burst': '500x10s/2s': --burst must last less than its period",
        "produce --burst 5x1s/soon      | Invalid value for option '--burst': '5x1s/soon': 'soon' is not a duration",
        "produce --burst 5x1s/5s --rate 0 | --burst needs a --rate above 0 for between the bursts",
        "produce --late-ratio 2         | --late-ratio must be between 0.0 and 1.0, was 2.0",
        "produce --hot-restaurant-ratio -1 | --hot-restaurant-ratio must be between 0.0 and 1.0, was -1.0",
        "produce --max-lateness 7d      | --max-lateness must be more than 0 and at most 6 days",
        "produce --progress-interval -1s | Invalid value for option '--progress-interval': '-1s' is not a duration",
        "reconcile --count 1 --wait -1s | Invalid value for option '--wait': '-1s' is not a duration",
        "reconcile --count 1 --show -1  | --show must be 0 or more, was -1",
        "produce --prefetch -1          | --prefetch must be between 0 and 4096, was -1",
        "reconcile --count 1 --settle -1s | Invalid value for option '--settle': '-1s' is not a duration",
        "reconcile --count -1           | --count must be 0 or more, was -1",
        "generate --invalid-ratio 3     | --invalid-ratio must be between 0.0 and 1.0, was 3.0",
      })
  void aBadFlagSaysWhatIsWrongAndExitsTwo(String args, String message) {
    int exit =
        cli.run(
            java.util.Arrays.stream(args.split(" +"))
                .map(a -> a.equals("''") ? "" : a)
                .toArray(String[]::new));

    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err().lines().findFirst().orElseThrow()).startsWith(message);
    String command = args.split(" ")[0];
    assertThat(cli.err())
        .contains("Try 'order-generator " + command + " --help' for more information.");
    assertThat(cli.out()).isEmpty();
    assertThat(cli.kafka.settingsSeen).isEmpty();
  }

  @Test
  void aMistypedFlagGetsASuggestion() {
    assertThat(cli.run("produce", "--coutn")).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err())
        .contains("Unknown option: '--coutn'")
        .containsPattern("Possible solutions: .*--count");
  }

  @Test
  void aMissingProducerConfigFileIsAUsageError(@TempDir Path dir) {
    Path missing = dir.resolve("absent.properties");
    assertThat(cli.run("topics", "--producer-config", missing.toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).startsWith("--producer-config: no file " + missing);
  }

  @Test
  void theProducerConfigFileReachesTheClients(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("client.properties");
    Files.writeString(config, "security.protocol=SASL_SSL\nsasl.mechanism = PLAIN\n");

    assertThat(cli.run("topics", "--producer-config", config.toString())).isZero();
    assertThat(cli.kafka.settingsSeen.get(0).clientOverrides())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "PLAIN");
  }

  @Test
  void helpDescribesTheCommandAndItsFlags() {
    assertThat(cli.run("produce", "--help")).isZero();
    assertThat(cli.out().replaceAll("\\s+", " "))
        .contains("Usage: order-generator produce")
        .contains("--count=N")
        .contains("--duration=DURATION")
        .contains("--rate=R")
        .contains("default: 10")
        .contains("--seed=S")
        .contains("default: 42")
        .contains("--invalid-ratio=0.0..1.0")
        .contains("default: 0.1")
        .contains("--start-sequence=N")
        .contains("--no-setup")
        .contains("--bootstrap-servers=HOST:PORT")
        .contains("default: 127.0.0.1:9092")
        .contains("--producer-config=FILE")
        .contains("--timeout=DURATION")
        .contains("default: 30s")
        .contains("--invalid-kinds=KIND[=WEIGHT],...")
        .contains(
            "Kinds: malformed-json, wrong-type, missing-field, invalid-value, unknown-restaurant, unknown-menu-item, price-mismatch,"
                + " bad-quantity, empty-order, oversized-record, timestamp-out-of-range, duplicate-order-id")
        .contains("--burst=RATExLENGTH/PERIOD")
        .contains("--hot-restaurant-ratio=0.0..1.0")
        .contains("--late-ratio=0.0..1.0")
        .contains("--catalog-seed=S")
        .contains("--run-file=FILE")
        .contains("--config-file=FILE")
        .contains("Examples:")
        .contains("FOOD_GENERATOR_<FLAG>");
  }

  @Test
  void theGenerationFlagsAreAllNamedForTheRunFileCheck() {
    java.util.Set<String> declared = new java.util.TreeSet<>();
    for (java.lang.reflect.Field field : GenerationOptions.class.getDeclaredFields()) {
      picocli.CommandLine.Option option = field.getAnnotation(picocli.CommandLine.Option.class);
      if (option != null) {
        declared.addAll(java.util.List.of(option.names()));
      }
    }
    assertThat(GenerationOptions.NAMES).containsExactlyInAnyOrderElementsOf(declared);
  }

  @Test
  void theExamplesInTheHelpParse() {
    CommandLine root = GeneratorCommand.newCommandLine(cli.environment());
    int examples = 0;
    for (CommandLine command : root.getSubcommands().values()) {
      for (String line : command.getCommandSpec().usageMessage().footer()) {
        String example = line.strip();
        if (!example.startsWith("order-generator ")) {
          continue;
        }
        // Up to a pipe, a redirection or a line continuation; without a config file, which picocli
        // reads while parsing.
        example = example.replaceFirst("\\s*[\\\\|>].*$", "").replaceAll("--config-file \\S+", "");
        String[] args = example.substring("order-generator ".length()).split("\\s+");
        CommandLine fresh = GeneratorCommand.newCommandLine(cli.environment());
        assertThatCode(() -> fresh.parseArgs(args)).as(example).doesNotThrowAnyException();
        examples++;
      }
    }
    assertThat(examples).isGreaterThan(8);
  }

  @Test
  void everySubcommandHasExamplesInItsHelp() {
    for (String command :
        new String[] {"topics", "restaurants", "produce", "reconcile", "generate"}) {
      assertThat(cli.run(command, "--help")).isZero();
      assertThat(cli.out())
          .as(command)
          .contains("Usage: order-generator " + command)
          .contains("Examples:");
    }
  }

  @Test
  void rootHelpListsTheSubcommandsAndExitCodes() {
    assertThat(cli.run("--help")).isZero();
    assertThat(cli.out().replaceAll("\\s+", " "))
        .contains("Usage: order-generator")
        .contains("topics")
        .contains("restaurants")
        .contains("produce")
        .contains("reconcile")
        .contains("generate")
        .contains("3 Kafka unreachable")
        .contains("5 database unreachable");
  }

  @Test
  void withoutASubcommandItPrintsUsageAndExitsTwo() {
    assertThat(cli.run()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).startsWith("Missing subcommand").contains("Usage: order-generator");
  }

  @Test
  void versionIsPrinted() {
    assertThat(cli.run("--version")).isZero();
    assertThat(cli.out()).startsWith("order-generator ");
  }

  @Test
  void theBootstrapServersDefaultComesFromTheEnvironment() {
    cli.env.put("FOOD_BOOTSTRAP_SERVERS", "kafka-1:9093");
    assertThat(cli.run("topics")).isZero();
    assertThat(cli.kafka.settingsSeen.get(0).bootstrapServers()).isEqualTo("kafka-1:9093");
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    assertThat(cli.run("topics")).isZero();
    assertThat(cli.kafka.settingsSeen.get(0).bootstrapServers()).isEqualTo("127.0.0.1:9092");
    assertThat(cli.kafka.settingsSeen.get(0).timeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void durationsAreReadInShortAndIsoForms() {
    DurationConverter converter = new DurationConverter();
    assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(converter.convert("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(converter.convert("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(converter.convert("2H")).isEqualTo(Duration.ofHours(2));
    assertThat(converter.convert("pt90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(converter.convert("6d")).isEqualTo(Duration.ofDays(6));
  }
}
