package dev.foodpipeline.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoredTextTest {
  @Test
  void escapesEveryControlCharacter() {
    assertThat(StoredText.of("a\u0000b\tc\nd\u007fe\u0085f", 100))
        .isEqualTo("a\\u0000b\\u0009c\\u000ad\\u007fe\\u0085f");
  }

  @Test
  void keepsLineBreaksAndTabsWhenAsked() {
    assertThat(StoredText.clean("a\u0000b\tc\r\nd", true)).isEqualTo("a\\u0000b\tc\r\nd");
  }

  @Test
  void replacesLoneSurrogatesAndKeepsPairs() {
    assertThat(StoredText.clean("\uD800x\uDC00 \uD83C\uDF55", false))
        .isEqualTo("\uFFFDx\uFFFD \uD83C\uDF55");
  }

  @Test
  void cutsToTheLimitMarkIncludedAndNeverInsideAPair() {
    assertThat(StoredText.of("abcdefghij", 8)).isEqualTo("ab" + StoredText.CUT_MARK);
    assertThat(StoredText.of("abcdefghij", 8)).hasSize(8);
    assertThat(StoredText.cut("a\uD83C\uDF55" + "x".repeat(10), 8))
        .isEqualTo("a" + StoredText.CUT_MARK);
    assertThat(StoredText.of("short", 8)).isEqualTo("short");
    assertThat(StoredText.of(null, 8)).isNull();
  }

  @Test
  void aRejectionReasonIsCleanAndBounded() {
    Rejection rejection = new Rejection(ReasonCode.MALFORMED_JSON, "x\u0000".repeat(5000));

    assertThat(rejection.reason()).hasSize(Rejection.MAX_REASON_CHARS).doesNotContain("\u0000");
  }
}
