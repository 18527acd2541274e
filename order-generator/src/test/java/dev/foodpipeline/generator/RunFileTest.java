package dev.foodpipeline.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFileTest {
  private static final GenerationSpec SPEC =
      new GenerationSpec(
          3,
          1,
          0.25,
          InvalidMix.parse("price-mismatch=2,empty-order"),
          1000,
          new OrderShape(0.3, "r-004", 0.1, Duration.ofMinutes(15)));

  @Test
  void whatIsWrittenReadsBack(@TempDir Path dir) throws Exception {
    RunFile run =
        new RunFile(
            SPEC,
            5000,
            Instant.parse("2025-03-01T12:00:00.123Z"),
            Instant.parse("2025-03-01T12:01:40Z"));
    Path file = dir.resolve("runs/run-3.properties");

    run.write(file);

    assertThat(RunFile.read(file)).isEqualTo(run);
    assertThat(run.lastSequence()).isEqualTo(5999);
    assertThat(Files.readString(file))
        .startsWith(
            "# order-generator run: 'order-generator reconcile --run-file run-3.properties'")
        .contains("invalid-kinds=price-mismatch=2,empty-order=1\n")
        .contains("max-lateness=PT15M\n");
  }

  @Test
  void failedSendsAreListedAndReadBack(@TempDir Path dir) throws Exception {
    RunFile run = new RunFile(SPEC, 100, null, null, List.of("o-3-00000007", "o-3-00000017"));
    Path file = dir.resolve("r");

    run.write(file);

    assertThat(Files.readString(file)).contains("unacknowledged=o-3-00000007,o-3-00000017\n");
    assertThat(RunFile.read(file)).isEqualTo(run);
    assertThat(RunFile.read(file).unacknowledged()).hasSize(2);
  }

  @Test
  void theClockWindowIsOptional(@TempDir Path dir) {
    RunFile run = new RunFile(GenerationSpec.of(1, 0.1), 10, null, null);
    run.write(dir.resolve("r"));
    assertThat(RunFile.read(dir.resolve("r"))).isEqualTo(run);
  }

  @Test
  void aBadFileSaysWhatIsWrong(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("run.properties");
    assertThatThrownBy(() -> RunFile.read(file)).hasMessage("--run-file: no file " + file);

    new RunFile(SPEC, 10, null, null).write(file);
    String good = Files.readString(file);
    Files.writeString(file, good.replace("count=10", "count=ten"));
    assertThatThrownBy(() -> RunFile.read(file))
        .hasMessage("--run-file " + file + ": count 'ten' is not valid");
    Files.writeString(file, good.replace("seed=3\n", ""));
    assertThatThrownBy(() -> RunFile.read(file)).hasMessage("--run-file " + file + ": no seed");
    Files.writeString(file, good.replace("format=1", "format=2"));
    assertThatThrownBy(() -> RunFile.read(file))
        .hasMessage("--run-file " + file + ": format 2 is not 1");
    Files.writeString(file, good.replace("invalid-ratio=0.25", "invalid-ratio=2"));
    assertThatThrownBy(() -> RunFile.read(file))
        .hasMessageStartingWith("--run-file " + file + ": invalid ratio must be between");
    Files.writeString(file, good.replace("max-lateness=PT15M", "max-lateness=soon"));
    assertThatThrownBy(() -> RunFile.read(file))
        .hasMessage("--run-file " + file + ": max-lateness 'soon' is not valid");
    Files.writeString(file, good + "started-at=yesterday\n");
    assertThatThrownBy(() -> RunFile.read(file))
        .hasMessage("--run-file " + file + ": started-at 'yesterday' is not valid");
    Files.writeString(file, good.replace("late-ratio=0.1", "late-ratio=x"));
    assertThatThrownBy(() -> RunFile.read(file))
        .hasMessage("--run-file " + file + ": late-ratio 'x' is not valid");
  }

  @Test
  void anUnwritablePlaceIsOneLine(@TempDir Path dir) throws Exception {
    Path blocker = dir.resolve("file");
    Files.writeString(blocker, "x");
    assertThatThrownBy(
            () -> new RunFile(SPEC, 1, null, null).write(blocker.resolve("run.properties")))
        .hasMessageStartingWith("--run-file: cannot write");
    assertThatThrownBy(() -> new RunFile(SPEC, -1, null, null)).hasMessageContaining("0 or more");
  }
}
