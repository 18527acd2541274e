package dev.foodpipeline.generator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OrderIdRangeTest {
  @Test
  void idsAreThoseTheGeneratorWrites() {
    OrderIdRange range = new OrderIdRange(7, 5, 12);

    assertThat(range.lowId()).isEqualTo("o-7-00000005");
    assertThat(range.highId()).isEqualTo("o-7-00000012");
    assertThat(range.size()).isEqualTo(8);
    assertThat(range.prefix()).isEqualTo("o-7-");
    assertThat(range).hasToString("o-7-00000005 to o-7-00000012");
  }

  @Test
  void onlyIdsOfTheRangeWrittenExactlyBelongToIt() {
    OrderIdRange range = new OrderIdRange(7, 5, 12);

    assertThat(range.sequenceOf("o-7-00000009")).hasValue(9);
    assertThat(range.contains("o-7-00000004")).isFalse();
    assertThat(range.contains("o-7-00000013")).isFalse();
    assertThat(range.contains("o-7-0000009")).isFalse();
    assertThat(range.contains("o-7-000000090")).isFalse();
    assertThat(range.contains("o-70-00000009")).isFalse();
    assertThat(range.contains("o-7-0000000x")).isFalse();
    assertThat(range.contains("o-7-")).isFalse();
    assertThat(range.contains(null)).isFalse();
  }

  @Test
  void chunksNeverMixIdsOfDifferentLengths() {
    OrderIdRange range = new OrderIdRange(1, 99_999_990, 100_000_015);

    assertThat(range.chunks(100))
        .containsExactly(
            new OrderIdRange(1, 99_999_990, 99_999_999),
            new OrderIdRange(1, 100_000_000, 100_000_015));
    assertThat(range.chunks(10).get(0)).isEqualTo(new OrderIdRange(1, 99_999_990, 99_999_999));
    assertThat(new OrderIdRange(1, 1, 25).chunks(10))
        .containsExactly(
            new OrderIdRange(1, 1, 10), new OrderIdRange(1, 11, 20), new OrderIdRange(1, 21, 25));
    assertThat(new OrderIdRange(1, 1, 0).chunks(10)).isEmpty();
    // The compose stack starts at the epoch in milliseconds: 13 digits.
    assertThat(new OrderIdRange(1, 1_750_000_000_000L, 1_750_000_000_009L).chunks(5)).hasSize(2);
  }

  @Test
  void oneChunkOfUnboundedSizeIsTheWholeRangeWhereverItStarts() {
    // reconcile counts rows with chunks(Long.MAX_VALUE): start + size must not overflow.
    assertThat(new OrderIdRange(11, 1_000_000, 1_049_999).chunks(Long.MAX_VALUE))
        .containsExactly(new OrderIdRange(11, 1_000_000, 1_049_999));
    assertThat(new OrderIdRange(11, 99_999_000, 100_000_999).chunks(Long.MAX_VALUE))
        .containsExactly(
            new OrderIdRange(11, 99_999_000, 99_999_999),
            new OrderIdRange(11, 100_000_000, 100_000_999));
  }

  @Test
  void nonsenseIsRefused() {
    assertThatThrownBy(() -> new OrderIdRange(1, 5, 3)).hasMessageContaining("not a range");
    assertThatThrownBy(() -> new OrderIdRange(1, 1, 5).chunks(0))
        .hasMessageContaining("at least 1");
    assertThat(new OrderIdRange(1, 1, 0)).hasToString("no orders");
  }
}
