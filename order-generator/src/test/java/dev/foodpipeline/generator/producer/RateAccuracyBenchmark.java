package dev.foodpipeline.generator.producer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.generator.GenerationSpec;
import dev.foodpipeline.generator.OrderFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * How closely {@code produce --rate R} holds R with the real clock and the real sleeper, orders
 * generated as in a run, sends going nowhere (so the broker is out of the picture; {@code
 * scripts/bench-producer} measures against one). It prints figures: timings on a shared 2-core
 * machine are noise, not a verdict, so the only assertions are that something was sent.
 *
 * <p>Not run by the build (its name does not end in Test); run it with {@code mvn -pl
 * order-generator test -Dtest=RateAccuracyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class RateAccuracyBenchmark {
  private static final Duration EACH = Duration.ofSeconds(3);

  /** Counts sends and acknowledges them at once. */
  private static final class NullSender implements OrderSender {
    final AtomicLong sent = new AtomicLong();

    @Override
    public void send(String key, byte[] value, Callback callback) {
      sent.incrementAndGet();
      callback.onCompletion(null);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  private static RunSummary run(LoadShape shape, Duration duration) throws InterruptedException {
    ProduceRun run =
        new ProduceRun(
            new OrderFactory(GenerationSpec.of(1, 0.1), Clock.systemUTC()),
            new NullSender(),
            new Pacer(shape),
            RunLimits.duration(duration),
            Ticker.SYSTEM,
            Sleeper.SYSTEM,
            ProgressListener.NONE);
    return run.run();
  }

  @Test
  void constantRates() throws InterruptedException {
    run(LoadShape.constant(1000), Duration.ofSeconds(1)); // warm-up
    System.out.printf(
        Locale.ROOT, "%n%-12s %12s %12s %10s%n", "target/s", "achieved/s", "sent", "ratio");
    for (double rate : new double[] {1, 10, 100, 1_000, 10_000, 50_000, 0}) {
      RunSummary summary = run(LoadShape.constant(rate), EACH);
      double achieved = summary.sent() / (summary.elapsed().toNanos() / 1e9);
      System.out.printf(
          Locale.ROOT,
          "%-12s %12.1f %12d %10s%n",
          rate == 0 ? "unlimited" : String.format(Locale.ROOT, "%.0f", rate),
          achieved,
          summary.sent(),
          rate == 0 ? "-" : String.format(Locale.ROOT, "%.4f", achieved / rate));
      assertThat(summary.sent()).isPositive();
    }
  }

  @Test
  void aBurstShape() throws InterruptedException {
    LoadShape shape =
        LoadShape.withBursts(
            200, new LoadShape.Burst(2000, Duration.ofSeconds(1), Duration.ofSeconds(3)));
    RunSummary summary = run(shape, Duration.ofSeconds(6));
    // Two periods of 3 s: 2 x (2,000 + 2 x 200) = 4,800 sends are due.
    System.out.printf(
        Locale.ROOT,
        "%n%s for 6 s: sent %d of 4800 due (%.4f)%n",
        shape.describe(),
        summary.sent(),
        summary.sent() / 4800.0);
    assertThat(summary.sent()).isPositive();
  }
}
