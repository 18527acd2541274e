package dev.foodpipeline.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class StreamsRuntimeOptionsTest {

  /** A Streams program that declares only its defaults and words. */
  @Command(
      name = "some-streams-program",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      usageHelpWidth = 200)
  static final class Program implements Callable<Integer> {
    @Mixin
    StreamsRuntimeOptions runtime =
        new StreamsRuntimeOptions("some-app", 3, 7090)
            .threadsHelp("stream threads of this one")
            .stateDirDefault("<tmp>/some-app-<port>")
            .commitIntervalHelp("how soon it commits");

    @Override
    public Integer call() {
      return ExitCodes.OK;
    }
  }

  private final Program program = new Program();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int execute(Map<String, String> env, String... args) {
    CommandLine command =
        Shell.commandLine(
            program, new Defaults("SOME", env), new ErrorClassifier("some"), "some: ");
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  @Test
  void withoutFlagsEachValueIsTheProgramsDefault() {
    assertThat(execute(Map.of())).isZero();

    StreamsRuntimeOptions runtime = program.runtime;
    assertThat(runtime.bootstrapServers()).isEqualTo("127.0.0.1:9092");
    assertThat(runtime.applicationId()).isEqualTo("some-app");
    assertThat(runtime.threads()).isEqualTo(3);
    assertThat(runtime.stateDir()).isEmpty();
    assertThat(runtime.commitInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(runtime.commitAfterRecords()).isEqualTo(30);
    assertThat(runtime.closeTimeout()).isEqualTo(Duration.ofMillis(8000));
    assertThat(runtime.httpHost()).isEqualTo("127.0.0.1");
    assertThat(runtime.httpPort()).isEqualTo(7090);
  }

  @Test
  void flagsVariablesAndSharedNamesSetTheValues() {
    int exit =
        execute(
            Map.of(
                "FOOD_SOME_THREADS", "5",
                "FOOD_BOOTSTRAP_SERVERS", "kafka:9092",
                "FOOD_SOME_CLOSE_TIMEOUT_MS", "3000"),
            "--application-id",
            "other",
            "--state-dir",
            "/tmp/s",
            "--commit-interval-ms",
            "250",
            "--commit-after-records",
            "0",
            "--http-host",
            "0.0.0.0",
            "--http-port",
            "0");

    assertThat(exit).isZero();
    StreamsRuntimeOptions runtime = program.runtime;
    assertThat(runtime.bootstrapServers()).isEqualTo("kafka:9092");
    assertThat(runtime.applicationId()).isEqualTo("other");
    assertThat(runtime.threads()).isEqualTo(5);
    assertThat(runtime.stateDir()).contains(Path.of("/tmp/s"));
    assertThat(runtime.commitInterval()).isEqualTo(Duration.ofMillis(250));
    assertThat(runtime.commitAfterRecords()).isZero();
    assertThat(runtime.closeTimeout()).isEqualTo(Duration.ofMillis(3000));
    assertThat(runtime.httpHost()).isEqualTo("0.0.0.0");
    assertThat(runtime.httpPort()).isZero();
  }

  @Test
  void helpShowsTheProgramsDefaultsAndWords() {
    assertThat(execute(Map.of(), "--help")).isZero();

    assertThat(out.toString())
        .contains(
            "stream threads of this one (default 3)",
            "state directory (default <tmp>/some-app-<port>)",
            "how soon it commits (default 500)",
            "commit sooner than the interval once a stream thread has read N",
            "Streams application id = consumer group (default some-app)",
            "port of the HTTP endpoints; 0 = any free port (default 7090)");
  }

  @Test
  void helpWithoutTheProgramsWordsHasTheSharedOnes() {
    @Command(name = "plain", mixinStandardHelpOptions = true)
    class Plain {
      @Mixin StreamsRuntimeOptions runtime = new StreamsRuntimeOptions("plain", 1, 7000);
    }
    String help = new CommandLine(new Plain()).getUsageMessage();

    assertThat(help)
        .contains(
            "stream threads (default 1)",
            "state directory (default <tmp>)",
            "transaction commit interval (default 500)");
  }

  @Test
  void aBadValueFromAVariableIsOneLineNamingIt() {
    assertThat(execute(Map.of("FOOD_SOME_THREADS", "lots"))).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString().trim())
        .isEqualTo("some: FOOD_SOME_THREADS must be a whole number, got 'lots'");
  }
}
