package dev.foodpipeline.generator.producer;

import dev.foodpipeline.generator.GeneratedOrder;
import dev.foodpipeline.generator.OrderFactory;
import dev.foodpipeline.model.topics.Topics;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The produce loop: generate the next order, wait for its slot, send it, count the outcome; stop at
 * the count, the duration or a stop request, then wait for the last acknowledgements. Its edges
 * (the sender, the time source, the sleeper) are injected, so it runs in tests without a broker or
 * a real clock.
 */
public final class ProduceRun {
  static final long PROGRESS_INTERVAL_NANOS = 1_000_000_000L;

  private static final Logger log = LoggerFactory.getLogger(ProduceRun.class);

  private final OrderFactory factory;
  private final OrderSender sender;
  private final Pacer pacer;
  private final RunLimits limits;
  private final Ticker ticker;
  private final Sleeper sleeper;
  private final ProgressListener progress;
  private final int prefetch;
  private final DeliveryStats stats = new DeliveryStats();
  private final StopSignal stop = new StopSignal();
  private final CountDownLatch finished = new CountDownLatch(1);

  public ProduceRun(
      OrderFactory factory,
      OrderSender sender,
      Pacer pacer,
      RunLimits limits,
      Ticker ticker,
      Sleeper sleeper,
      ProgressListener progress) {
    this(factory, sender, pacer, limits, ticker, sleeper, progress, 0);
  }

  /**
   * @param prefetch how many records to make ahead on another thread when the pacer is unlimited
   *     (0: make each on the run's thread); paced runs always make them as they send
   */
  public ProduceRun(
      OrderFactory factory,
      OrderSender sender,
      Pacer pacer,
      RunLimits limits,
      Ticker ticker,
      Sleeper sleeper,
      ProgressListener progress,
      int prefetch) {
    if (prefetch < 0) {
      throw new IllegalArgumentException("prefetch must be 0 or more, was " + prefetch);
    }
    this.prefetch = prefetch;
    this.factory = factory;
    this.sender = sender;
    this.pacer = pacer;
    this.limits = limits;
    this.ticker = ticker;
    this.sleeper = sleeper;
    this.progress = progress;
  }

  /**
   * Runs to the end and reports what happened; every record sent is acknowledged or failed by then.
   */
  public RunSummary run() throws InterruptedException {
    try {
      long start = ticker.nanoTime();
      try (OrderSource source =
          pacer.unlimited() && prefetch > 0
              ? OrderSource.prefetching(factory, factory.spec().firstSequence(), prefetch)
              : OrderSource.inline(factory, factory.spec().firstSequence())) {
        loop(start, source);
      }
      progress.onFinish();
      sender.flush();
      Duration elapsed = Duration.ofNanos(ticker.nanoTime() - start);
      DeliveryStats.Counts counts = stats.counts();
      return new RunSummary(
          Topics.FOOD_ORDERS.name(),
          factory.spec().seed(),
          factory.spec().firstSequence(),
          counts.sent(),
          counts.acknowledged(),
          counts.failed(),
          stats.valid(),
          stats.invalidByKind(),
          elapsed,
          stats.firstError(),
          pacer.shape().describe(),
          stats.unacknowledged());
    } finally {
      finished.countDown();
    }
  }

  private void loop(long start, OrderSource source) throws InterruptedException {
    long deadline = limits.duration().map(d -> start + d.toNanos()).orElse(Long.MAX_VALUE);
    long sent = 0;
    long nextProgress = start + PROGRESS_INTERVAL_NANOS;
    long sentAtLastProgress = 0;
    long lastProgress = start;
    while (!stop.isRequested() && (limits.count().isEmpty() || sent < limits.count().getAsLong())) {
      long now = ticker.nanoTime();
      if (now - deadline >= 0) {
        break;
      }
      long wait = pacer.reserve(now);
      if (wait > 0) {
        boolean pastDeadline = wait >= deadline - now;
        if (sleeper.sleep(pastDeadline ? deadline - now : wait, stop) || pastDeadline) {
          break;
        }
      }
      send(source.next());
      sent++;
      now = ticker.nanoTime();
      if (now - nextProgress >= 0) {
        double seconds = (now - lastProgress) / 1e9;
        progress.onProgress(
            Duration.ofNanos(now - start), stats.counts(), (sent - sentAtLastProgress) / seconds);
        sentAtLastProgress = sent;
        lastProgress = now;
        nextProgress = now + PROGRESS_INTERVAL_NANOS;
      }
    }
    if (stop.isRequested()) {
      log.info("Stop requested after {} orders", sent);
    }
  }

  private void send(GeneratedOrder order) {
    stats.sent(order);
    try {
      sender.send(order.key(), order.value(), error -> stats.completed(order.key(), error));
    } catch (RuntimeException e) {
      // The client refused the record outright (closed, or blocked past max.block.ms): a failure,
      // not a crash.
      log.debug("Send of {} failed at once", order.key(), e);
      stats.completed(order.key(), e);
    }
  }

  /**
   * Asks the run to stop after the record it is sending; safe from any thread (a shutdown hook).
   */
  public void requestStop() {
    stop.request();
  }

  /** Waits until {@link #run()} has returned; true when it has. */
  public boolean awaitFinished(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** The live counters, for progress reports. */
  public DeliveryStats stats() {
    return stats;
  }
}
