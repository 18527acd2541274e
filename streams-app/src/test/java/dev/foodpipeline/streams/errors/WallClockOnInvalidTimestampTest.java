package dev.foodpipeline.streams.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class WallClockOnInvalidTimestampTest {
  private final WallClockOnInvalidTimestamp extractor = new WallClockOnInvalidTimestamp();

  private static ConsumerRecord<Object, Object> record(long timestamp) {
    return new ConsumerRecord<>(
        "food-orders",
        0,
        5L,
        timestamp,
        TimestampType.CREATE_TIME,
        0,
        0,
        "k",
        "v",
        new RecordHeaders(),
        Optional.empty());
  }

  @Test
  void aValidTimestampIsKeptEvenFarInThePastOrFuture() {
    assertThat(extractor.extract(record(0L), 1_000L)).isZero();
    assertThat(extractor.extract(record(4_102_444_800_000L), 1_000L)).isEqualTo(4_102_444_800_000L);
  }

  @Test
  void aRecordWithoutTimestampTakesThePartitionTimeElseTheWallClock() {
    assertThat(extractor.extract(record(-1L), 1_000L)).isEqualTo(1_000L);
    long before = System.currentTimeMillis();
    assertThat(extractor.extract(record(-1L), -1L)).isBetween(before, System.currentTimeMillis());
  }
}
