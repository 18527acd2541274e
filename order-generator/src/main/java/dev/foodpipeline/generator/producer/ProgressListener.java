package dev.foodpipeline.generator.producer;

import java.time.Duration;

/** Told about a run's progress about once a second (of the run's ticker). */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (elapsed, counts, ratePerSecond) -> {};

  /**
   * @param elapsed time since the run started
   * @param counts the delivery counters now
   * @param ratePerSecond records sent per second since the previous report
   */
  void onProgress(Duration elapsed, DeliveryStats.Counts counts, double ratePerSecond);

  /** The run has sent its last record (before the summary is printed). */
  default void onFinish() {}
}
