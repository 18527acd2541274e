package dev.foodpipeline.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ShellTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final TestProgram program = new TestProgram();

  private int execute(Map<String, String> env, String... args) {
    CommandLine command =
        Shell.commandLine(
            program,
            new Defaults("test", env),
            new ErrorClassifier("test-program").on(IllegalStateException.class, ExitCodes.PROBLEM),
            "test-program: ");
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  private String[] errLines() {
    return err.toString().lines().toArray(String[]::new);
  }

  @Test
  void anUnknownFlagIsExitTwoWithOneLineAndAHint() {
    assertThat(execute(Map.of(), "--no-such-flag")).isEqualTo(ExitCodes.USAGE);
    assertThat(errLines())
        .containsExactly(
            "test-program: Unknown option: '--no-such-flag'",
            "Try 'test-program --help' for more information.");
  }

  @Test
  void aBadValueFromAVariableIsOneLineNamingTheVariable() {
    assertThat(execute(Map.of("FOOD_TEST_COUNT", "many"))).isEqualTo(ExitCodes.USAGE);
    assertThat(errLines())
        .containsExactly("test-program: FOOD_TEST_COUNT must be a whole number, got 'many'");
  }

  @Test
  void aBadValueOnTheCommandLineIsNamedByItsFlag() {
    assertThat(execute(Map.of("FOOD_TEST_COUNT", "many"), "--count", "lots"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(errLines())
        .containsExactly("test-program: --count must be a whole number, got 'lots'");
  }

  @Test
  void aBadValueFromTheConfigFileNamesTheFile() throws IOException {
    Path file = dir.resolve("p.properties");
    Files.writeString(file, "count=x\n");
    assertThat(execute(Map.of(), "--config-file", file.toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(errLines())
        .containsExactly("test-program: count in " + file + " must be a whole number, got 'x'");
  }

  @Test
  void anUnknownConfigFileEntryIsAUsageError() throws IOException {
    Path file = dir.resolve("p.properties");
    Files.writeString(file, "linger.ms=5\n");
    assertThat(execute(Map.of(), "--config-file", file.toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(errLines()[0])
        .startsWith("test-program: --config-file " + file + ": unknown setting 'linger.ms'")
        .contains("kafka.<name>");
  }

  @Test
  void aFailureOfTheRunIsClassified() {
    program.failure = new RuntimeException("wrapped", new IllegalStateException("broken\nmore"));
    assertThat(execute(Map.of())).isEqualTo(ExitCodes.PROBLEM);
    assertThat(errLines()).containsExactly("test-program: broken");
  }

  @Test
  void helpCanListEveryVariable() {
    Defaults defaults = new Defaults("test", Map.of());
    CommandLine command =
        Shell.withEnvironmentHelp(
            Shell.commandLine(program, defaults, new ErrorClassifier("test-program"), ""),
            defaults);
    command.setOut(new PrintWriter(out, true));
    assertThat(command.execute("--help")).isZero();
    assertThat(out.toString())
        .contains("FOOD_TEST_RATE", "FOOD_TEST_BOOTSTRAP_SERVERS", "then FOOD_BOOTSTRAP_SERVERS");
  }

  @Test
  void aRunThatWorksIsExitZero() {
    assertThat(execute(Map.of("FOOD_TEST_RATE", "4"))).isZero();
    assertThat(out.toString()).contains("rate 4");
  }
}
