package dev.foodpipeline.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class ErrorClassifierTest {
  private final ErrorClassifier classifier =
      new ErrorClassifier("prog")
          .on(IllegalArgumentException.class, ExitCodes.USAGE)
          .on(
              UncheckedIOException.class,
              e ->
                  new Failure(
                      ExitCodes.UNREACHABLE, "no answer: " + Errors.oneLine(e.getMessage())))
          .onDeepest(
              IllegalStateException.class,
              e -> new Failure(ExitCodes.KAFKA_ERROR, "state: " + Errors.oneLine(e.getMessage())));

  @Test
  void theFirstRuleMatchingACauseFromTheOutsideWins() {
    Throwable error =
        new RuntimeException(
            "outer",
            new IllegalArgumentException("bad rate\nsecond line", new IllegalStateException("x")));
    assertThat(classifier.classify(error)).isEqualTo(new Failure(ExitCodes.USAGE, "bad rate"));
    assertThat(classifier.classify(new UncheckedIOException("gone", new IOException("io"))))
        .isEqualTo(new Failure(ExitCodes.UNREACHABLE, "no answer: gone"));
  }

  @Test
  void deepestRulesTakeTheInnermostMatch() {
    Throwable error =
        new IllegalStateException("outer", new IllegalStateException("inner says most"));
    assertThat(classifier.classify(error))
        .isEqualTo(new Failure(ExitCodes.KAFKA_ERROR, "state: inner says most"));
  }

  @Test
  void anythingElseIsAnInternalErrorNamingTheClass() {
    assertThat(classifier.classify(new NullPointerException()))
        .isEqualTo(
            new Failure(ExitCodes.INTERNAL_ERROR, "prog failed: java.lang.NullPointerException"));
    assertThat(classifier.classify(new UnsupportedOperationException("no\nmore")))
        .isEqualTo(
            new Failure(
                ExitCodes.INTERNAL_ERROR,
                "prog failed: java.lang.UnsupportedOperationException: no"));
  }

  @Test
  void oneLineHelpers() {
    assertThat(Errors.oneLine(null)).isEqualTo("(no message)");
    assertThat(Errors.oneLine("  first\nsecond")).isEqualTo("first");
    assertThat(Errors.oneLineOf(new NullPointerException())).isEqualTo("NullPointerException");
    Throwable chain = new RuntimeException("a", new IllegalStateException("root\ncause"));
    assertThat(Errors.rootCause(chain)).isInstanceOf(IllegalStateException.class);
    assertThat(Errors.rootCauseLine(chain)).isEqualTo("root");
    assertThat(Errors.hasCause(chain, IOException.class, IllegalStateException.class)).isTrue();
    assertThat(Errors.hasCause(chain, IOException.class)).isFalse();
  }

  @Test
  void configFileErrorsNameTheFile() {
    java.nio.file.Path missing = java.nio.file.Path.of("/no/such/file.properties");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ConfigFile.load(missing, java.util.Set.of()))
        .hasMessage("--config-file: no file " + missing);
  }
}
