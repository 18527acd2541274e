package dev.foodpipeline.model;

import java.util.Objects;

/**
 * The outcome of a failed check: a stable code and a sentence a person can act on. The sentence may
 * quote the input, so it is made a {@link StoredText} of at most {@value #MAX_REASON_CHARS}
 * characters.
 */
public record Rejection(ReasonCode code, String reason) {
  /** The longest reason kept; a longer one is cut. */
  public static final int MAX_REASON_CHARS = 1000;

  public Rejection {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(reason, "reason");
    reason = StoredText.of(reason, MAX_REASON_CHARS);
  }

  public static Rejection of(ReasonCode code, String format, Object... args) {
    return new Rejection(code, String.format(java.util.Locale.ROOT, format, args));
  }
}
