package dev.foodpipeline.generator.producer;

/**
 * Spaces sends to follow a {@link LoadShape}: send N is due when the integral of the target rate
 * from the start reaches N, so a constant rate R puts send N at {@code start + N / R}, and a burst
 * starts exactly on time. It computes how long to wait and leaves the waiting to a {@link Sleeper}.
 * Due times are absolute, so a late wake-up is made up by the next sends and the rate holds on
 * average. After a stall (a slow broker, a paused process) it catches up with a burst of at most
 * {@link #MAX_BURST_NANOS} worth of sends, then holds the rate again, instead of sending everything
 * it missed at once.
 */
public final class Pacer {
  static final long MAX_BURST_NANOS = 1_000_000_000L;

  private final LoadShape shape;
  private final long constantIntervalNanos;
  private long start;
  private long nextDue;
  private boolean started;

  /**
   * @param ratePerSecond sends per second; 0 means as fast as possible
   */
  public Pacer(double ratePerSecond) {
    this(LoadShape.constant(ratePerSecond));
  }

  public Pacer(LoadShape shape) {
    this.shape = shape;
    this.constantIntervalNanos =
        shape instanceof LoadShape.Constant constant && constant.rate() > 0
            ? Math.max(1, Math.round(1e9 / constant.rate()))
            : 0;
  }

  public boolean unlimited() {
    return shape.unlimited();
  }

  /** The target rate at the start (the constant rate for a constant shape). */
  public double ratePerSecond() {
    return shape.rateAt(0);
  }

  public LoadShape shape() {
    return shape;
  }

  /**
   * Takes the next send slot.
   *
   * @param now the ticker's time
   * @return nanoseconds to wait before sending (0 when the slot is due)
   */
  public long reserve(long now) {
    if (unlimited()) {
      return 0;
    }
    if (!started) {
      start = now;
      nextDue = now;
      started = true;
    } else if (nextDue - now < -MAX_BURST_NANOS) {
      nextDue = after(now - MAX_BURST_NANOS);
    }
    long wait = Math.max(0, nextDue - now);
    nextDue = after(nextDue);
    return wait;
  }

  /** The time one send's worth of the target rate after {@code due}. */
  private long after(long due) {
    if (constantIntervalNanos > 0) {
      return due + constantIntervalNanos;
    }
    double needed = 1.0;
    long elapsed = due - start;
    while (true) {
      double rate = shape.rateAt(elapsed);
      long change = shape.nextChangeAfter(elapsed);
      double nanos = needed / rate * 1e9;
      if (change == Long.MAX_VALUE || elapsed + nanos <= change) {
        return start + elapsed + Math.max(1, Math.round(nanos));
      }
      needed -= (change - elapsed) * rate / 1e9;
      elapsed = change;
    }
  }
}
