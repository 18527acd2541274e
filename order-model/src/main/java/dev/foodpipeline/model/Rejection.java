package dev.foodpipeline.model;

import java.util.Objects;

/** The outcome of a failed check: a stable code and a sentence a person can act on. */
public record Rejection(ReasonCode code, String reason) {
  public Rejection {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(reason, "reason");
  }

  public static Rejection of(ReasonCode code, String format, Object... args) {
    return new Rejection(code, String.format(java.util.Locale.ROOT, format, args));
  }
}
