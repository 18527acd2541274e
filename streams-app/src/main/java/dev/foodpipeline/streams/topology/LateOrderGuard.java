package dev.foodpipeline.streams.topology;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands before the windowed aggregation and drops, visibly, an order that arrives too late for its
 * window: one whose window ended at or before the stream time minus the grace period (the rule
 * Kafka Streams' window aggregation applies, which would drop it with only a DEBUG line). The order
 * itself is not lost: it was written to {@code food-orders-processed} before this branch; only its
 * window does not count it. Each drop is counted in the metric {@code late-orders-dropped-total}
 * (group {@code stream-restaurant-stats-metrics}, tag {@code restaurant-stats-id =
 * stats-late-guard-<task>}) and logged at WARN the 1st, 2nd, 4th, 8th… time.
 *
 * <p>Stream time here is what the aggregation behind uses too: the newest order time this processor
 * has seen since its task was (re)initialised, so both make the same decision for each order, and
 * the aggregation never drops one that passed.
 */
final class LateOrderGuard implements FixedKeyProcessor<String, OrderRevenue, OrderRevenue> {
  private static final Logger log = LoggerFactory.getLogger(LateOrderGuard.class);
  static final String SCOPE = "restaurant-stats";
  static final String METRIC = "late-orders-dropped";

  private final long windowMs;
  private final long graceMs;
  private FixedKeyProcessorContext<String, OrderRevenue> context;
  private long observedStreamTime = -1;
  private long dropped;
  private Sensor droppedSensor;

  LateOrderGuard(Duration window, Duration grace) {
    this.windowMs = window.toMillis();
    this.graceMs = grace.toMillis();
  }

  @Override
  public void init(FixedKeyProcessorContext<String, OrderRevenue> context) {
    this.context = context;
    this.droppedSensor =
        context
            .metrics()
            .addRateTotalSensor(
                SCOPE,
                OrderTopology.STATS_LATE_GUARD + "-" + context.taskId(),
                METRIC,
                Sensor.RecordingLevel.INFO);
  }

  @Override
  public void close() {
    if (droppedSensor != null) {
      context.metrics().removeSensor(droppedSensor);
    }
  }

  @Override
  public void process(FixedKeyRecord<String, OrderRevenue> record) {
    long time = record.timestamp();
    observedStreamTime = Math.max(observedStreamTime, time);
    long windowEnd = time - Math.floorMod(time, windowMs) + windowMs;
    long closeTime = observedStreamTime - graceMs;
    if (windowEnd > closeTime) {
      context.forward(record);
      return;
    }
    droppedSensor.record();
    dropped++;
    if (Long.bitCount(dropped) == 1) {
      OrderRevenue order = record.value();
      log.warn(
          "Order {} of restaurant {} at {} is too late for its window [{}, {}): the windows up to {} are closed"
              + " (stream time {} minus grace {}); counted in food-orders-processed, not in restaurant-stats"
              + " ({} such orders so far in task {})",
          order.orderId(),
          order.restaurantId(),
          Instant.ofEpochMilli(time),
          Instant.ofEpochMilli(windowEnd - windowMs),
          Instant.ofEpochMilli(windowEnd),
          Instant.ofEpochMilli(closeTime),
          Instant.ofEpochMilli(observedStreamTime),
          Duration.ofMillis(graceMs),
          dropped,
          context.taskId());
    }
  }
}
