package dev.foodpipeline.streams.errors;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code default.timestamp.extractor}: a record's own timestamp; when it has none (negative), the
 * partition's time, else the wall clock. Kafka's default ({@code FailOnInvalidTimestamp}) would
 * stop the stream thread on such a record and {@code LogAndSkipOnInvalidTimestamp} would drop it;
 * here no record is stopped by its timestamp and none disappears. (A Kafka 4 broker stores no
 * record without a timestamp, so this is a safety net.) Logs at WARN the 1st, 2nd, 4th, 8th… time.
 *
 * <p>The windows of {@code restaurant-stats} do not use this time at all: they use the order's own
 * created-at time (see {@code StatsTime}), so a producer's wrong record timestamps cannot move
 * them.
 */
public final class WallClockOnInvalidTimestamp implements TimestampExtractor {
  private static final Logger log = LoggerFactory.getLogger(WallClockOnInvalidTimestamp.class);
  private static final AtomicLong INVALID = new AtomicLong();

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    long timestamp = record.timestamp();
    if (timestamp >= 0) {
      return timestamp;
    }
    long replacement = partitionTime >= 0 ? partitionTime : System.currentTimeMillis();
    long count = INVALID.incrementAndGet();
    if (Long.bitCount(count) == 1) {
      log.warn(
          "Record {}-{}@{} has no valid timestamp ({}); using {} ({} such records so far)",
          record.topic(),
          record.partition(),
          record.offset(),
          timestamp,
          partitionTime >= 0
              ? "the partition time " + partitionTime
              : "the wall clock " + replacement,
          count);
    }
    return replacement;
  }
}
