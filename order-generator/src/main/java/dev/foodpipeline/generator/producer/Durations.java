package dev.foodpipeline.generator.producer;

import java.time.Duration;
import java.util.Locale;

/** Durations as people write them: {@code 30 s}, {@code 1.5 s}, {@code 250 ms}. */
public final class Durations {
  private Durations() {}

  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 1000 == 0) {
      return millis / 1000 + " s";
    }
    if (Math.abs(millis) < 1000) {
      return millis + " ms";
    }
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
