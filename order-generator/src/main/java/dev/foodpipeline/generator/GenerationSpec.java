package dev.foodpipeline.generator;

/**
 * What a generated run is a function of: the seed, the share of invalid records and their kinds, and
 * the first sequence number of the run (a duplicate only copies an order of its own run).
 *
 * @param seed picks the restaurant catalogue and every order's content
 * @param invalidRatio the share of records that are invalid on purpose, 0.0 to 1.0
 * @param invalidMix the kinds those invalid records are spread over
 * @param firstSequence the sequence number of the run's first order
 */
public record GenerationSpec(long seed, double invalidRatio, InvalidMix invalidMix, long firstSequence) {
  public static final long DEFAULT_SEED = 42;
  public static final double DEFAULT_INVALID_RATIO = 0.1;
  public static final long DEFAULT_FIRST_SEQUENCE = 1;

  public GenerationSpec {
    if (!(invalidRatio >= 0.0 && invalidRatio <= 1.0)) {
      throw new IllegalArgumentException("invalid ratio must be between 0.0 and 1.0, was " + invalidRatio);
    }
    if (invalidMix == null) {
      throw new IllegalArgumentException("invalid mix must not be null");
    }
    if (firstSequence < 0) {
      throw new IllegalArgumentException("first sequence must be 0 or more, was " + firstSequence);
    }
  }

  /** The default mix of invalid kinds, starting at sequence 1. */
  public static GenerationSpec of(long seed, double invalidRatio) {
    return new GenerationSpec(seed, invalidRatio, InvalidMix.DEFAULT, DEFAULT_FIRST_SEQUENCE);
  }

  public GenerationSpec withFirstSequence(long sequence) {
    return new GenerationSpec(seed, invalidRatio, invalidMix, sequence);
  }

  public GenerationSpec withInvalidMix(InvalidMix mix) {
    return new GenerationSpec(seed, invalidRatio, mix, firstSequence);
  }
}
