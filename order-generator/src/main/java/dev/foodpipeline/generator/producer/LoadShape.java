package dev.foodpipeline.generator.producer;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The target rate over a run's time: constant, or a base rate with regular bursts. Rates change
 * only at known instants, so the {@link Pacer} can place every send exactly where the integral of
 * the rate reaches it.
 */
public interface LoadShape {

  /**
   * The target rate (sends per second) at {@code elapsedNanos} after the start; 0 means unlimited.
   */
  double rateAt(long elapsedNanos);

  /**
   * The next instant after {@code elapsedNanos} at which the rate changes; {@code Long.MAX_VALUE}
   * for never.
   */
  long nextChangeAfter(long elapsedNanos);

  /** As the summary prints it: {@code 20 orders/s}. */
  String describe();

  /** True when there is no pacing at all. */
  default boolean unlimited() {
    return false;
  }

  /** A constant rate; 0 is as fast as possible. */
  static LoadShape constant(double rate) {
    return new Constant(rate);
  }

  /** {@code base} orders/s, with a burst at the start of every period. */
  static LoadShape withBursts(double base, Burst burst) {
    return new Bursting(base, burst);
  }

  /** A constant rate. */
  record Constant(double rate) implements LoadShape {
    public Constant {
      requireRate("rate", rate);
    }

    @Override
    public double rateAt(long elapsedNanos) {
      return rate;
    }

    @Override
    public long nextChangeAfter(long elapsedNanos) {
      return Long.MAX_VALUE;
    }

    @Override
    public boolean unlimited() {
      return rate == 0;
    }

    @Override
    public String describe() {
      return rate == 0 ? "as fast as possible" : format(rate) + " orders/s";
    }
  }

  /**
   * {@code burst.rate()} for the first {@code burst.length()} of every {@code burst.period()}, and
   * {@code base} for the rest of it.
   */
  record Bursting(double base, Burst burst) implements LoadShape {
    public Bursting {
      requireRate("--rate", base);
      Objects.requireNonNull(burst, "burst");
      if (base == 0) {
        throw new IllegalArgumentException("--burst needs a --rate above 0 for between the bursts");
      }
    }

    @Override
    public double rateAt(long elapsedNanos) {
      return Math.floorMod(elapsedNanos, burst.period().toNanos()) < burst.length().toNanos()
          ? burst.rate()
          : base;
    }

    @Override
    public long nextChangeAfter(long elapsedNanos) {
      long period = burst.period().toNanos();
      long start = elapsedNanos - Math.floorMod(elapsedNanos, period);
      long burstEnd = start + burst.length().toNanos();
      return elapsedNanos < burstEnd ? burstEnd : start + period;
    }

    @Override
    public String describe() {
      return format(base) + " orders/s, " + burst.describe();
    }
  }

  private static void requireRate(String name, double rate) {
    if (!(rate >= 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException(name + " must be 0 or more, was " + rate);
    }
  }

  /** {@code 20}, {@code 0.5}. */
  static String format(double rate) {
    return rate == Math.rint(rate)
        ? Long.toString((long) rate)
        : String.format(Locale.ROOT, "%s", rate);
  }

  /**
   * Bursts of {@code rate} orders/s lasting {@code length}, one at the start of every {@code
   * period}. Written {@code 500x2s/10s}.
   */
  record Burst(double rate, Duration length, Duration period) {
    public Burst {
      Objects.requireNonNull(length, "length");
      Objects.requireNonNull(period, "period");
      if (!(rate > 0) || Double.isInfinite(rate)) {
        throw new IllegalArgumentException("--burst rate must be more than 0, was " + rate);
      }
      if (length.isNegative() || length.isZero() || length.compareTo(period) >= 0) {
        throw new IllegalArgumentException(
            "--burst must last less than its period, was "
                + Durations.format(length)
                + " every "
                + Durations.format(period));
      }
    }

    String describe() {
      return "bursts of "
          + format(rate)
          + "/s for "
          + Durations.format(length)
          + " every "
          + Durations.format(period);
    }
  }
}
