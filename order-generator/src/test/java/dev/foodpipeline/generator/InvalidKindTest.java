package dev.foodpipeline.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.Rejection;
import dev.foodpipeline.model.catalog.RestaurantCatalog;
import dev.foodpipeline.model.json.OrderReader;
import dev.foodpipeline.model.json.ParsedOrder;
import dev.foodpipeline.model.rules.OrderValidator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs every generated record through the real order-model code, as the Streams app does (read,
 * look up the restaurant, validate, deduplicate), and checks it comes out exactly as the generator
 * says it must.
 */
class InvalidKindTest {
  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final long SEED = 42;

  /** The Streams app's decision for one record, from order-model's rules. */
  private static final class Judge {
    private final OrderReader reader = new OrderReader();
    private final OrderValidator validator = new OrderValidator();
    private final RestaurantCatalog catalog = RestaurantCatalog.generate(SEED);
    private final Set<String> accepted = new HashSet<>();

    Optional<Rejection> judge(byte[] value) {
      ParsedOrder parsed = reader.read(value);
      if (parsed instanceof ParsedOrder.Invalid invalid) {
        return Optional.of(invalid.rejection());
      }
      Order order = ((ParsedOrder.Valid) parsed).order();
      Optional<Rejection> rejection =
          validator.validate(order, catalog.find(order.restaurantId()).orElse(null), NOW);
      if (rejection.isEmpty() && !accepted.add(order.orderId())) {
        return Optional.of(
            new Rejection(ReasonCode.DUPLICATE_ORDER, "duplicate " + order.orderId()));
      }
      return rejection;
    }
  }

  private static OrderFactory onlyKind(InvalidKind kind, double ratio) {
    return new OrderFactory(
        GenerationSpec.of(SEED, ratio).withInvalidMix(InvalidMix.of(kind)), CLOCK);
  }

  @ParameterizedTest
  @EnumSource(
      value = InvalidKind.class,
      names = "DUPLICATE_ORDER_ID",
      mode = EnumSource.Mode.EXCLUDE)
  void everyRecordOfAKindIsRejectedWithExactlyItsReason(InvalidKind kind) {
    Judge judge = new Judge();
    Set<String> reasons = new HashSet<>();
    for (GeneratedOrder generated : onlyKind(kind, 1.0).generate(1, 300).toList()) {
      assertThat(generated.invalidKind()).contains(kind);
      assertThat(generated.expectedReason()).contains(kind.expectedReason());
      Optional<Rejection> rejection = judge.judge(generated.value());
      assertThat(rejection).as("%s: %s", generated, generated.valueAsText()).isPresent();
      assertThat(rejection.get().code())
          .as("%s: %s", rejection.get(), generated.valueAsText())
          .isEqualTo(kind.expectedReason());
      reasons.add(rejection.get().reason().replaceAll("\\d", "#"));
    }
    // The kind has several shapes (cut-off JSON, bad UTF-8, ...), not one record repeated.
    Set<InvalidKind> oneShape =
        Set.of(
            InvalidKind.EMPTY_ORDER,
            InvalidKind.TIMESTAMP_OUT_OF_RANGE,
            InvalidKind.UNKNOWN_RESTAURANT,
            InvalidKind.UNKNOWN_MENU_ITEM);
    if (!oneShape.contains(kind)) {
      assertThat(reasons).as("reasons for %s", kind).hasSizeGreaterThan(1);
    }
  }

  @ParameterizedTest
  @EnumSource(InvalidKind.class)
  void theOrderIsGivenExactlyWhenTheReaderCanReadIt(InvalidKind kind) {
    OrderReader reader = new OrderReader();
    for (GeneratedOrder generated : onlyKind(kind, 0.5).generate(1, 200).toList()) {
      ParsedOrder parsed = reader.read(generated.value());
      if (generated.order().isPresent()) {
        assertThat(parsed).isEqualTo(new ParsedOrder.Valid(generated.order().get()));
      } else {
        assertThat(parsed).isInstanceOf(ParsedOrder.Invalid.class);
      }
    }
  }

  @Test
  void aMixedRunComesOutExactlyAsPredicted() {
    Judge judge = new Judge();
    OrderFactory factory = new OrderFactory(GenerationSpec.of(SEED, 0.3), CLOCK);
    for (GeneratedOrder generated : factory.generate(1, 5000).toList()) {
      assertThat(judge.judge(generated.value()).map(Rejection::code))
          .as("%s: %s", generated, generated.valueAsText())
          .isEqualTo(generated.expectedReason());
    }
  }

  @Test
  void oversizedRecordsAreTooLongOrTooLarge() {
    List<GeneratedOrder> oversized =
        onlyKind(InvalidKind.OVERSIZED_RECORD, 1.0).generate(1, 100).toList();
    assertThat(oversized).anyMatch(g -> g.value().length > OrderReader.DEFAULT_MAX_RECORD_BYTES);
    assertThat(oversized).anyMatch(g -> g.order().map(o -> o.items().size() > 50).orElse(false));
  }

  @Test
  void staleOrdersAreThirtyDaysBeforeTheClock() {
    GeneratedOrder stale = onlyKind(InvalidKind.TIMESTAMP_OUT_OF_RANGE, 1.0).generate(1);
    assertThat(stale.order().orElseThrow().createdAt())
        .isEqualTo(NOW.minus(java.time.Duration.ofDays(30)));
  }

  @Test
  void aDuplicateRepeatsTheIdOfAnEarlierValidOrderOfTheRun() {
    Judge judge = new Judge();
    OrderFactory factory = onlyKind(InvalidKind.DUPLICATE_ORDER_ID, 0.5);
    Set<String> validKeys = new HashSet<>();
    int duplicates = 0;
    for (GeneratedOrder generated : factory.generate(1, 500).toList()) {
      assertThat(judge.judge(generated.value()).map(Rejection::code))
          .isEqualTo(generated.expectedReason());
      if (generated.isValid()) {
        validKeys.add(generated.key());
      } else {
        duplicates++;
        assertThat(validKeys).contains(generated.key());
        assertThat(generated.order().orElseThrow().orderId()).isEqualTo(generated.key());
      }
    }
    assertThat(duplicates).isBetween(200, 300);
  }

  @Test
  void aDuplicateWithNothingToCopyIsAValidOrder() {
    assertThat(onlyKind(InvalidKind.DUPLICATE_ORDER_ID, 1.0).generate(1, 50))
        .allMatch(GeneratedOrder::isValid);
    OrderFactory fromHundred =
        new OrderFactory(
            GenerationSpec.of(SEED, 0.5)
                .withInvalidMix(InvalidMix.of(InvalidKind.DUPLICATE_ORDER_ID))
                .withFirstSequence(100),
            CLOCK);
    for (GeneratedOrder generated : fromHundred.generate(100, 200).toList()) {
      if (!generated.isValid()) {
        long copied =
            Long.parseLong(generated.key().substring(generated.key().lastIndexOf('-') + 1));
        assertThat(copied).isBetween(100L, generated.sequence() - 1);
      }
    }
  }

  @Test
  void eachKindNamesTheReasonTheStreamsAppMustGive() {
    assertThat(InvalidKind.MALFORMED_JSON.expectedReason()).isEqualTo(ReasonCode.MALFORMED_JSON);
    assertThat(InvalidKind.WRONG_TYPE.expectedReason()).isEqualTo(ReasonCode.SCHEMA_VIOLATION);
    assertThat(InvalidKind.MISSING_FIELD.expectedReason()).isEqualTo(ReasonCode.SCHEMA_VIOLATION);
    assertThat(InvalidKind.OVERSIZED_RECORD.expectedReason()).isEqualTo(ReasonCode.OVERSIZED_ORDER);
    assertThat(InvalidKind.DUPLICATE_ORDER_ID.expectedReason())
        .isEqualTo(ReasonCode.DUPLICATE_ORDER);
  }

  @Test
  void theDefaultMixHoldsEveryKindDuplicatesIncluded() {
    assertThat(InvalidMix.DEFAULT.kinds()).containsExactly(InvalidKind.values());
    assertThat(InvalidMix.DEFAULT.contains(InvalidKind.DUPLICATE_ORDER_ID)).isTrue();
  }

  @Test
  void aMixNeedsDistinctKinds() {
    assertThatThrownBy(() -> new InvalidMix(List.of())).hasMessageContaining("at least one kind");
    assertThatThrownBy(
            () -> new InvalidMix(List.of(InvalidKind.EMPTY_ORDER, InvalidKind.EMPTY_ORDER)))
        .hasMessageContaining("twice");
  }

  @Test
  void aSpecRejectsRatiosOutsideZeroToOne() {
    assertThatThrownBy(() -> GenerationSpec.of(1, 1.5)).hasMessageContaining("between 0.0 and 1.0");
    assertThatThrownBy(() -> GenerationSpec.of(1, Double.NaN))
        .hasMessageContaining("between 0.0 and 1.0");
    assertThatThrownBy(() -> GenerationSpec.of(1, 0.1).withFirstSequence(-1))
        .hasMessageContaining("0 or more");
    assertThatThrownBy(() -> new GenerationSpec(1, 0.1, null, 1)).hasMessageContaining("mix");
  }
}
