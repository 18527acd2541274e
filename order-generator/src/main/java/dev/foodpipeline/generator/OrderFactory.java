package dev.foodpipeline.generator;

import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.Restaurant;
import dev.foodpipeline.model.catalog.RestaurantCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Makes the record for a sequence number. An order is a deterministic function of (seed, sequence):
 * each order draws from its own random source seeded from both, so order N is the same whether or
 * not orders before it were generated, in any order, on any machine. Whether it is invalid, and of
 * which kind, is a function of (seed, sequence, invalid ratio, mix); whether it goes to the hot
 * restaurant or is dated late, and by how much, of (seed, sequence, shape). Only {@code createdAt}
 * comes from the injected clock (truncated to milliseconds, which PostgreSQL keeps exactly), minus
 * the order's lateness.
 *
 * <p>Thread-safe: it holds no mutable state.
 */
public final class OrderFactory {
  /**
   * How far back a {@link InvalidKind#DUPLICATE_ORDER_ID} record looks for a valid order to copy.
   */
  public static final int DUPLICATE_LOOKBACK = 100;

  private static final long DECISION_STREAM = 1;
  private static final long CONTENT_STREAM = 2;
  private static final long FAULT_STREAM = 3;
  private static final long SHAPE_STREAM = 4;
  private static final long FALLBACK_STREAM = 5;

  private final GenerationSpec spec;
  private final RestaurantCatalog catalog;
  private final Clock clock;
  private final ValidOrders validOrders;
  private final Faults faults;
  private final Restaurant hotRestaurant;

  /**
   * The mix without duplicates: what a planned duplicate with nothing to copy becomes, if anything.
   */
  private final Optional<InvalidMix> fallbackMix;

  /**
   * Orders against {@code RestaurantCatalog.generate(spec.catalogSeed())}, the catalogue the CLI
   * publishes.
   */
  public OrderFactory(GenerationSpec spec, Clock clock) {
    this(spec, RestaurantCatalog.generate(spec.catalogSeed()), clock);
  }

  public OrderFactory(GenerationSpec spec, RestaurantCatalog catalog, Clock clock) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.validOrders = new ValidOrders(catalog);
    this.faults = new Faults(catalog);
    this.fallbackMix = spec.invalidMix().without(InvalidKind.DUPLICATE_ORDER_ID);
    this.hotRestaurant =
        catalog
            .find(spec.shape().hotRestaurantId())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "--hot-restaurant "
                            + spec.shape().hotRestaurantId()
                            + " is not in the catalogue (r-001 to "
                            + catalog.get(catalog.size() - 1).restaurantId()
                            + ")"));
  }

  /** The order id (and record key) of a sequence number: {@code o-<seed>-<sequence, 8 digits>}. */
  public static String orderId(long seed, long sequence) {
    return "o-" + seed + "-" + Digits.padded(sequence, 8);
  }

  /** The record for a sequence number, dated by the clock now. */
  public GeneratedOrder generate(long sequence) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Optional<InvalidKind> kind = kindOf(sequence);
    if (kind.isEmpty()) {
      Order order = baseOrder(sequence, now);
      return new GeneratedOrder(sequence, order.orderId(), OrderJson.toBytes(order), order, null);
    }
    if (kind.get() == InvalidKind.DUPLICATE_ORDER_ID) {
      Order copy = baseOrder(duplicateTarget(sequence).orElseThrow(), now);
      return new GeneratedOrder(
          sequence, copy.orderId(), OrderJson.toBytes(copy), copy, InvalidKind.DUPLICATE_ORDER_ID);
    }
    Order base = baseOrder(sequence, now);
    Faults.Fault fault = faults.apply(kind.get(), base, random(sequence, FAULT_STREAM), now);
    return new GeneratedOrder(sequence, base.orderId(), fault.bytes(), fault.order(), kind.get());
  }

  /** The records for {@code count} sequence numbers from {@code first}, lazily. */
  public Stream<GeneratedOrder> generate(long first, long count) {
    return LongStream.range(first, first + count).mapToObj(this::generate);
  }

  /**
   * Whether the record of a sequence number is invalid, and of which kind, without building it. A
   * planned duplicate with no valid order of the run to copy (within the last {@value
   * #DUPLICATE_LOOKBACK}, as at the start of a run or with an invalid ratio of 1) becomes another
   * kind of the mix, drawn by weight, so that the share of invalid records stays what was asked
   * for; only a mix of duplicates alone has nothing else to become, and then it is a valid order.
   */
  public Optional<InvalidKind> kindOf(long sequence) {
    Optional<InvalidKind> planned = plannedKind(sequence);
    if (planned.isPresent()
        && planned.get() == InvalidKind.DUPLICATE_ORDER_ID
        && duplicateTarget(sequence).isEmpty()) {
      return fallbackMix.map(mix -> mix.pick(random(sequence, FALLBACK_STREAM)));
    }
    return planned;
  }

  private Optional<InvalidKind> plannedKind(long sequence) {
    SplittableRandom random = random(sequence, DECISION_STREAM);
    if (random.nextDouble() >= spec.invalidRatio()) {
      return Optional.empty();
    }
    return Optional.of(spec.invalidMix().pick(random));
  }

  /** The nearest earlier sequence of the run whose record is a valid order. */
  private OptionalLong duplicateTarget(long sequence) {
    long lowest = Math.max(spec.firstSequence(), sequence - DUPLICATE_LOOKBACK);
    for (long earlier = sequence - 1; earlier >= lowest; earlier--) {
      if (plannedKind(earlier).isEmpty()) {
        return OptionalLong.of(earlier);
      }
    }
    return OptionalLong.empty();
  }

  private Order baseOrder(long sequence, Instant now) {
    // Always three draws, whatever the ratios, so that one setting does not shift another's
    // choices.
    SplittableRandom shape = random(sequence, SHAPE_STREAM);
    boolean hot = shape.nextDouble() < spec.shape().hotRestaurantRatio();
    boolean late = shape.nextDouble() < spec.shape().lateRatio();
    double lateness = shape.nextDouble();
    Instant createdAt = late ? now.minusMillis(latenessMillis(lateness)) : now;
    return validOrders.create(
        orderId(spec.seed(), sequence),
        random(sequence, CONTENT_STREAM),
        createdAt,
        hot ? hotRestaurant : null);
  }

  /** 1 ms to the shape's maximum lateness, spread evenly. */
  private long latenessMillis(double fraction) {
    long max = spec.shape().maxLateness().toMillis();
    return Math.max(1, (long) Math.ceil(fraction * max));
  }

  /**
   * How late the record of a sequence number is dated, before the clock; zero when it is on time.
   */
  public Duration latenessOf(long sequence) {
    SplittableRandom shape = random(sequence, SHAPE_STREAM);
    shape.nextDouble();
    boolean late = shape.nextDouble() < spec.shape().lateRatio();
    return late ? Duration.ofMillis(latenessMillis(shape.nextDouble())) : Duration.ZERO;
  }

  private SplittableRandom random(long sequence, long stream) {
    return new SplittableRandom(mix(mix(spec.seed()) ^ sequence) + stream * 0x9E3779B97F4A7C15L);
  }

  /** SplitMix64's finaliser: spreads nearby inputs over the whole range of longs. */
  static long mix(long value) {
    long z = value + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  public GenerationSpec spec() {
    return spec;
  }

  public RestaurantCatalog catalog() {
    return catalog;
  }
}
