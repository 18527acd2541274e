package dev.foodpipeline.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class DigitsTest {
  @Test
  void writesWhatStringFormatWrites() {
    long[] values = {
      0,
      7,
      42,
      1234,
      99_999_999,
      100_000_000,
      1_750_000_000_123L,
      -5,
      -123_456_789,
      Long.MAX_VALUE,
      Long.MIN_VALUE
    };
    for (long value : values) {
      for (int width : new int[] {0, 3, 4, 8}) {
        String format = width == 0 ? "%d" : "%0" + width + "d";
        assertThat(Digits.padded(value, width))
            .as("%s width %s", value, width)
            .isEqualTo(String.format(Locale.ROOT, format, value));
      }
    }
  }
}
