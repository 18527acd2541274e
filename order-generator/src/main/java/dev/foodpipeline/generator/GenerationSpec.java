package dev.foodpipeline.generator;

import java.util.Objects;

/**
 * What a generated run is a function of: the seeds, the share of invalid records and their kinds,
 * the first sequence number of the run (a duplicate only copies an order of its own run) and the
 * shape of its orders (hot restaurant, late timestamps).
 *
 * @param seed picks every order's content and makes the order ids ({@code o-<seed>-<sequence>})
 * @param catalogSeed picks the restaurant catalogue the orders are made against; orders are valid
 *     only against the catalogue of this seed (by default the same as {@code seed})
 * @param invalidRatio the share of records that are invalid on purpose, 0.0 to 1.0
 * @param invalidMix the kinds those invalid records are spread over, by weight
 * @param firstSequence the sequence number of the run's first order
 * @param shape hot restaurant and late timestamps
 */
public record GenerationSpec(
    long seed,
    long catalogSeed,
    double invalidRatio,
    InvalidMix invalidMix,
    long firstSequence,
    OrderShape shape) {
  public static final long DEFAULT_SEED = 42;
  public static final double DEFAULT_INVALID_RATIO = 0.1;
  public static final long DEFAULT_FIRST_SEQUENCE = 1;

  public GenerationSpec {
    if (!(invalidRatio >= 0.0 && invalidRatio <= 1.0)) {
      throw new IllegalArgumentException(
          "invalid ratio must be between 0.0 and 1.0, was " + invalidRatio);
    }
    if (invalidMix == null) {
      throw new IllegalArgumentException("invalid mix must not be null");
    }
    if (firstSequence < 0) {
      throw new IllegalArgumentException("first sequence must be 0 or more, was " + firstSequence);
    }
    Objects.requireNonNull(shape, "shape");
  }

  /** Orders against the catalogue of {@code seed}, spread evenly, dated by the clock. */
  public GenerationSpec(long seed, double invalidRatio, InvalidMix invalidMix, long firstSequence) {
    this(seed, seed, invalidRatio, invalidMix, firstSequence, OrderShape.EVEN);
  }

  /** The default mix of invalid kinds, starting at sequence 1. */
  public static GenerationSpec of(long seed, double invalidRatio) {
    return new GenerationSpec(seed, invalidRatio, InvalidMix.DEFAULT, DEFAULT_FIRST_SEQUENCE);
  }

  public GenerationSpec withFirstSequence(long sequence) {
    return new GenerationSpec(seed, catalogSeed, invalidRatio, invalidMix, sequence, shape);
  }

  public GenerationSpec withInvalidMix(InvalidMix mix) {
    return new GenerationSpec(seed, catalogSeed, invalidRatio, mix, firstSequence, shape);
  }

  public GenerationSpec withCatalogSeed(long catalogSeed) {
    return new GenerationSpec(seed, catalogSeed, invalidRatio, invalidMix, firstSequence, shape);
  }

  public GenerationSpec withShape(OrderShape shape) {
    return new GenerationSpec(seed, catalogSeed, invalidRatio, invalidMix, firstSequence, shape);
  }
}
