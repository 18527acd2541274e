package dev.foodpipeline.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foodpipeline.model.ReasonCode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RejectionsTest {
  @Test
  void rawTextWithinTheLimitIsKeptWhole() {
    assertThat(Rejections.boundedRaw("abc".getBytes(StandardCharsets.UTF_8), 3)).isEqualTo("abc");
    assertThat(Rejections.boundedRaw(null, 3)).isNull();
  }

  @Test
  void longRawTextIsCutAndSaysHowLargeTheRecordWas() {
    assertThat(Rejections.boundedRaw("abcdef".getBytes(StandardCharsets.UTF_8), 4))
        .isEqualTo("abcd…[cut: 6 bytes in all]");
  }

  @Test
  void cutNeverSplitsASurrogatePair() {
    String text = "ab\uD83C\uDF55cd"; // a pizza emoji between ab and cd
    assertThat(Rejections.boundedRaw(text.getBytes(StandardCharsets.UTF_8), 3))
        .isEqualTo("ab…[cut: 8 bytes in all]");
  }

  @Test
  void nonUtf8RawIsBase64BeforeBeingCut() {
    assertThat(Rejections.boundedRaw(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xFD}, 100))
        .isEqualTo("base64://79");
  }

  @Test
  void processingErrorNamesTheExceptionAndCopesWithoutAMessage() {
    var rejection = Rejections.processingError(new NullPointerException());
    assertThat(rejection.code()).isEqualTo(ReasonCode.PROCESSING_ERROR);
    assertThat(rejection.reason())
        .isEqualTo("unexpected java.lang.NullPointerException: (no message)");
  }

  @Test
  void settingsRejectNonsenseLimits() {
    TopologySettings defaults = TopologySettings.defaults();
    Duration hour = Duration.ofHours(1);
    Duration minute = Duration.ofMinutes(1);
    assertThatThrownBy(() -> settings(0, 10, hour, minute, hour))
        .hasMessage("maxRecordBytes must be >= 1, got 0");
    assertThatThrownBy(() -> settings(10, 0, hour, minute, hour))
        .hasMessage("maxRawChars must be between 1 and 262144, got 0");
    assertThatThrownBy(
            () -> settings(10, TopologySettings.MAX_RAW_CHARS_LIMIT + 1, hour, minute, hour))
        .hasMessage("maxRawChars must be between 1 and 262144, got 262145");
    assertThatThrownBy(() -> settings(10, 10, hour, minute, minute))
        .hasMessage("statsRetention must be at least statsWindow + statsGrace, got PT1M");
    assertThatThrownBy(() -> settings(10, 10, Duration.ZERO, minute, hour))
        .hasMessageStartingWith("dedupRetention and statsWindow must be positive");
    assertThat(defaults.withLimits(defaults.limits())).isEqualTo(defaults);
    assertThat(defaults.withDedupRetention(hour).dedupRetention()).isEqualTo(hour);
    assertThat(defaults.withStatsGrace(minute).statsGrace()).isEqualTo(minute);
  }

  /**
   * Settings with the default limits and pricing; the stats window and its grace both {@code
   * window}.
   */
  private static TopologySettings settings(
      int maxRecordBytes,
      int maxRawChars,
      Duration dedupRetention,
      Duration window,
      Duration statsRetention) {
    TopologySettings defaults = TopologySettings.defaults();
    return new TopologySettings(
        Clock.systemUTC(),
        defaults.limits(),
        defaults.pricing(),
        maxRecordBytes,
        maxRawChars,
        dedupRetention,
        window,
        window,
        statsRetention,
        defaults.commitAfterRecords());
  }
}
