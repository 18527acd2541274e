package dev.foodpipeline.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvalidMixTest {
  @Test
  void kindsAreNamedInKebabOrConstantCaseWithOptionalWeights() {
    InvalidMix mix = InvalidMix.parse("malformed-json=2, PRICE_MISMATCH ,Empty-Order=5");

    assertThat(mix.weights())
        .containsExactly(
            Map.entry(InvalidKind.MALFORMED_JSON, 2),
            Map.entry(InvalidKind.PRICE_MISMATCH, 1),
            Map.entry(InvalidKind.EMPTY_ORDER, 5));
    assertThat(mix.format()).isEqualTo("malformed-json=2,price-mismatch=1,empty-order=5");
    assertThat(InvalidMix.parse(mix.format())).isEqualTo(mix);
    assertThat(mix.share(InvalidKind.EMPTY_ORDER)).isEqualTo(5 / 8.0);
    assertThat(mix.share(InvalidKind.BAD_QUANTITY)).isZero();
  }

  @Test
  void defaultAndAllStandForTheirMixes() {
    assertThat(InvalidMix.parse("default")).isEqualTo(InvalidMix.DEFAULT);
    assertThat(InvalidMix.parse("all")).isEqualTo(InvalidMix.ALL);
    assertThat(InvalidMix.ALL.kinds()).containsExactly(InvalidKind.values());
    assertThat(InvalidMix.parse("default,duplicate-order-id=3").weights())
        .containsEntry(InvalidKind.DUPLICATE_ORDER_ID, 3)
        .containsEntry(InvalidKind.MALFORMED_JSON, 1)
        .hasSize(InvalidKind.values().length);
    // A kind named on its own takes its weight over the group's, wherever it stands.
    assertThat(InvalidMix.parse("malformed-json=3,default").weights())
        .containsEntry(InvalidKind.MALFORMED_JSON, 3)
        .containsEntry(InvalidKind.EMPTY_ORDER, 1)
        .containsEntry(InvalidKind.DUPLICATE_ORDER_ID, 1);
    assertThat(InvalidMix.parse("all=2,empty-order=5").weights())
        .containsEntry(InvalidKind.DUPLICATE_ORDER_ID, 2)
        .containsEntry(InvalidKind.EMPTY_ORDER, 5);
  }

  @Test
  void withoutAKindLeavesTheRestWithTheirWeights() {
    InvalidMix mix = InvalidMix.parse("duplicate-order-id=4,empty-order=2,bad-quantity");
    assertThat(mix.without(InvalidKind.DUPLICATE_ORDER_ID))
        .contains(InvalidMix.parse("empty-order=2,bad-quantity"));
    assertThat(mix.without(InvalidKind.MALFORMED_JSON)).contains(mix);
    assertThat(
            InvalidMix.of(InvalidKind.DUPLICATE_ORDER_ID).without(InvalidKind.DUPLICATE_ORDER_ID))
        .isEmpty();
  }

  @ParameterizedTest(name = "[{index}] '{0}'")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                            | name at least one kind",
        "bogus                         | unknown invalid kind 'bogus' (kinds: malformed-json, wrong-type,",
        "malformed-json=0              | 'malformed-json=0': the weight must be a whole number from 1 to 1000",
        "malformed-json=x              | 'malformed-json=x': the weight must be a whole number from 1 to 1000",
        "malformed-json=1=2            | 'malformed-json=1=2' is not KIND or KIND=WEIGHT",
        "=3                            | '=3' is not KIND or KIND=WEIGHT",
        "empty-order,EMPTY_ORDER       | empty-order is named twice",
      })
  void aBadMixSaysWhatIsWrong(String text, String message) {
    assertThatThrownBy(() -> InvalidMix.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void kindsArePickedInProportionToTheirWeights() {
    GenerationSpec spec =
        GenerationSpec.of(3, 1.0).withInvalidMix(InvalidMix.parse("bad-quantity=3,empty-order=1"));
    OrderFactory factory =
        new OrderFactory(spec, Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC));

    Map<InvalidKind, Long> counts = new EnumMap<>(InvalidKind.class);
    LongStream.rangeClosed(1, 8000)
        .forEach(n -> counts.merge(factory.kindOf(n).orElseThrow(), 1L, Long::sum));

    assertThat(counts).containsOnlyKeys(InvalidKind.BAD_QUANTITY, InvalidKind.EMPTY_ORDER);
    assertThat(counts.get(InvalidKind.BAD_QUANTITY) / 8000.0).isCloseTo(0.75, within(0.02));
  }

  @Test
  void equalWeightsPickAsTheListDidBeforeWeightsExisted() {
    // An evenly weighted mix picks index nextInt(size): the orders of earlier runs stay the same.
    InvalidMix mix = InvalidMix.DEFAULT;
    for (long seed = 0; seed < 200; seed++) {
      java.util.SplittableRandom a = new java.util.SplittableRandom(seed);
      java.util.SplittableRandom b = new java.util.SplittableRandom(seed);
      assertThat(mix.pick(a)).isEqualTo(mix.kinds().get(b.nextInt(mix.kinds().size())));
    }
  }

  @Test
  void weightsMustBeSensible() {
    assertThatThrownBy(() -> new InvalidMix(Map.of(InvalidKind.EMPTY_ORDER, 0)))
        .hasMessageContaining("between 1 and 1000");
    assertThatThrownBy(() -> new InvalidMix(Map.<InvalidKind, Integer>of()))
        .hasMessageContaining("at least one kind");
    assertThat(InvalidMix.name(InvalidKind.OVERSIZED_RECORD)).isEqualTo("oversized-record");
    assertThat(InvalidMix.kind("timestamp-out-of-range"))
        .isEqualTo(InvalidKind.TIMESTAMP_OUT_OF_RANGE);
    assertThat(InvalidMix.DEFAULT).hasToString(InvalidMix.DEFAULT.format());
  }
}
