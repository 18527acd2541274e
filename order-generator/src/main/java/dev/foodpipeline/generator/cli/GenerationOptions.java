package dev.foodpipeline.generator.cli;

import dev.foodpipeline.generator.GenerationSpec;
import dev.foodpipeline.generator.InvalidMix;
import dev.foodpipeline.generator.OrderShape;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The flags that decide which records a run is made of (a picocli mixin): {@code produce} writes
 * them, {@code reconcile} recomputes them and {@code generate} prints them, so the three read them
 * alike.
 */
public final class GenerationOptions {
  /** Their names, for commands that refuse them next to a run file. */
  static final List<String> NAMES =
      List.of(
          "--seed",
          "--catalog-seed",
          "--invalid-ratio",
          "--invalid-kinds",
          "--start-sequence",
          "--hot-restaurant",
          "--hot-restaurant-ratio",
          "--late-ratio",
          "--max-lateness");

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "" + GenerationSpec.DEFAULT_SEED,
      description =
          "Seed of the orders (their content and ids o-<seed>-<sequence>) (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--catalog-seed",
      paramLabel = "S",
      description =
          "Seed of the restaurant catalogue the orders are made against (default: the --seed). Orders are valid only"
              + " against the catalogue of this seed: use the seed the stack published (scripts/local-stack up --seed).")
  Long catalogSeed;

  @Option(
      names = "--invalid-ratio",
      paramLabel = "0.0..1.0",
      defaultValue = "" + GenerationSpec.DEFAULT_INVALID_RATIO,
      description =
          "Share of invalid records, spread over --invalid-kinds (default: ${DEFAULT-VALUE}).")
  double invalidRatio;

  @Option(
      names = "--invalid-kinds",
      paramLabel = "KIND[=WEIGHT],...",
      converter = InvalidMixConverter.class,
      defaultValue = "default",
      description =
          "Which kinds of invalid record to write, with weights: malformed-json,price-mismatch (evenly) or"
              + " malformed-json=2,price-mismatch=1. 'default' and 'all' are every kind, evenly."
              + " Kinds: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      completionCandidates = InvalidMixConverter.KindNames.class)
  InvalidMix invalidKinds;

  @Option(
      names = "--start-sequence",
      paramLabel = "N",
      defaultValue = "" + GenerationSpec.DEFAULT_FIRST_SEQUENCE,
      description =
          "Sequence number of the first order; the order id is o-<seed>-<sequence> (default: ${DEFAULT-VALUE}).")
  long startSequence;

  @Option(
      names = "--hot-restaurant",
      paramLabel = "ID",
      defaultValue = OrderShape.DEFAULT_HOT_RESTAURANT,
      description =
          "The restaurant --hot-restaurant-ratio sends orders to (default: ${DEFAULT-VALUE}).")
  String hotRestaurant;

  @Option(
      names = "--hot-restaurant-ratio",
      paramLabel = "0.0..1.0",
      defaultValue = "0",
      description =
          "Share of orders that go to the hot restaurant; the rest spread over all 20 (key skew for the per-restaurant"
              + " windows) (default: ${DEFAULT-VALUE}).")
  double hotRestaurantRatio;

  @Option(
      names = "--late-ratio",
      paramLabel = "0.0..1.0",
      defaultValue = "0",
      description =
          "Share of orders dated before the clock by up to --max-lateness, so created-at times arrive out of order;"
              + " they stay valid (default: ${DEFAULT-VALUE}).")
  double lateRatio;

  @Option(
      names = "--max-lateness",
      paramLabel = "DURATION",
      defaultValue = "10m",
      converter = DurationConverter.class,
      description =
          "How late a late order can be, at most 6 days (the validator's window is 7) (default: ${DEFAULT-VALUE}).")
  Duration maxLateness;

  /**
   * The validated spec.
   *
   * @throws IllegalArgumentException naming the flag whose value is wrong
   */
  GenerationSpec spec() {
    if (!(invalidRatio >= 0.0 && invalidRatio <= 1.0)) {
      throw new IllegalArgumentException(
          "--invalid-ratio must be between 0.0 and 1.0, was " + invalidRatio);
    }
    if (startSequence < 0) {
      throw new IllegalArgumentException(
          "--start-sequence must be 0 or more, was " + startSequence);
    }
    OrderShape shape = new OrderShape(hotRestaurantRatio, hotRestaurant, lateRatio, maxLateness);
    return new GenerationSpec(
        seed,
        catalogSeed == null ? seed : catalogSeed,
        invalidRatio,
        invalidKinds,
        startSequence,
        shape);
  }
}
