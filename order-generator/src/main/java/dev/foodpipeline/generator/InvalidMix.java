package dev.foodpipeline.generator;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;

/** Which kinds of invalid record a run writes; the invalid share is spread evenly over them. */
public record InvalidMix(List<InvalidKind> kinds) {

  /** Every kind except {@link InvalidKind#DUPLICATE_ORDER_ID} (see its documentation). */
  public static final InvalidMix DEFAULT =
      evenly(EnumSet.complementOf(EnumSet.of(InvalidKind.DUPLICATE_ORDER_ID)));

  public InvalidMix {
    kinds = List.copyOf(kinds);
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("an invalid mix needs at least one kind");
    }
    if (kinds.size() != EnumSet.copyOf(kinds).size()) {
      throw new IllegalArgumentException("an invalid mix names a kind twice: " + kinds);
    }
  }

  /** The given kinds, each equally likely, in their declaration order. */
  public static InvalidMix evenly(Collection<InvalidKind> kinds) {
    return new InvalidMix(List.copyOf(EnumSet.copyOf(kinds)));
  }

  public static InvalidMix of(InvalidKind... kinds) {
    return evenly(List.of(kinds));
  }

  InvalidKind pick(SplittableRandom random) {
    return kinds.get(random.nextInt(kinds.size()));
  }

  public boolean contains(InvalidKind kind) {
    return kinds.contains(kind);
  }
}
