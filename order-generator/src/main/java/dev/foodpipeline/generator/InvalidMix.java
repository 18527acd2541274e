package dev.foodpipeline.generator;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.StringJoiner;

/**
 * Which kinds of invalid record a run writes, each with a weight: a kind of weight 2 is picked
 * twice as often as a kind of weight 1. Written on the command line as {@code
 * malformed-json,price-mismatch} (equal weights) or {@code MALFORMED_JSON=2,PRICE_MISMATCH=1}; see
 * {@link #parse(String)}.
 *
 * @param weights each kind of the mix and its weight (at least 1), iterated in declaration order
 */
public record InvalidMix(Map<InvalidKind, Integer> weights) {

  /** Every kind, evenly. */
  public static final InvalidMix ALL = evenly(EnumSet.allOf(InvalidKind.class));

  /**
   * The mix of a run that names none: every kind, evenly, as {@link #ALL}, since the Streams app
   * rejects each one (duplicates by its order-id dedup).
   */
  public static final InvalidMix DEFAULT = ALL;

  /** The largest weight a kind may have. */
  public static final int MAX_WEIGHT = 1000;

  public InvalidMix {
    if (weights == null || weights.isEmpty()) {
      throw new IllegalArgumentException("an invalid mix needs at least one kind");
    }
    EnumMap<InvalidKind, Integer> copy = new EnumMap<>(InvalidKind.class);
    weights.forEach(
        (kind, weight) -> {
          if (kind == null || weight == null || weight < 1 || weight > MAX_WEIGHT) {
            throw new IllegalArgumentException(
                "the weight of "
                    + name(kind)
                    + " must be between 1 and "
                    + MAX_WEIGHT
                    + ", was "
                    + weight);
          }
          copy.put(kind, weight);
        });
    weights = Collections.unmodifiableMap(copy);
  }

  /** The given kinds, each of weight 1; a kind named twice is an error. */
  public InvalidMix(List<InvalidKind> kinds) {
    this(evenWeights(kinds));
  }

  private static Map<InvalidKind, Integer> evenWeights(List<InvalidKind> kinds) {
    Map<InvalidKind, Integer> weights = new EnumMap<>(InvalidKind.class);
    for (InvalidKind kind : kinds) {
      if (weights.put(kind, 1) != null) {
        throw new IllegalArgumentException("an invalid mix names a kind twice: " + kinds);
      }
    }
    return weights;
  }

  /** The given kinds, each equally likely. */
  public static InvalidMix evenly(Collection<InvalidKind> kinds) {
    return new InvalidMix(List.copyOf(EnumSet.copyOf(kinds)));
  }

  public static InvalidMix of(InvalidKind... kinds) {
    return evenly(List.of(kinds));
  }

  /**
   * Reads a mix as written on the command line: comma-separated {@code KIND} or {@code KIND=WEIGHT}
   * items, where a kind is written {@code malformed-json} or {@code MALFORMED_JSON} (any case,
   * dashes or underscores) and a missing weight is 1. The words {@code default} and {@code all}
   * stand for every kind of {@link #DEFAULT} and {@link #ALL}, with the item's weight; a kind named
   * on its own takes its own weight over theirs, so {@code default,malformed-json=3} is the default
   * mix with malformed JSON three times as likely.
   *
   * @throws IllegalArgumentException with a one-line message naming the bad item
   */
  public static InvalidMix parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("name at least one kind (" + kindNames() + ")");
    }
    Map<InvalidKind, Integer> fromGroups = new EnumMap<>(InvalidKind.class);
    Map<InvalidKind, Integer> named = new EnumMap<>(InvalidKind.class);
    for (String item : text.split(",")) {
      String trimmed = item.trim();
      String[] parts = trimmed.split("=", -1);
      if (parts.length > 2 || parts[0].isBlank()) {
        throw new IllegalArgumentException("'" + trimmed + "' is not KIND or KIND=WEIGHT");
      }
      int weight = parts.length == 2 ? weight(trimmed, parts[1].trim()) : 1;
      String name = parts[0].trim();
      switch (name.toLowerCase(Locale.ROOT)) {
        case "default" -> DEFAULT.kinds().forEach(kind -> fromGroups.put(kind, weight));
        case "all" -> ALL.kinds().forEach(kind -> fromGroups.put(kind, weight));
        default -> {
          InvalidKind kind = kind(name);
          if (named.put(kind, weight) != null) {
            throw new IllegalArgumentException(name(kind) + " is named twice");
          }
        }
      }
    }
    Map<InvalidKind, Integer> weights = new EnumMap<>(fromGroups);
    weights.putAll(named);
    return new InvalidMix(weights);
  }

  private static int weight(String item, String text) {
    try {
      int weight = Integer.parseInt(text);
      if (weight >= 1 && weight <= MAX_WEIGHT) {
        return weight;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "'" + item + "': the weight must be a whole number from 1 to " + MAX_WEIGHT);
  }

  /**
   * A kind by its command-line name ({@code price-mismatch}) or its constant name ({@code
   * PRICE_MISMATCH}).
   */
  public static InvalidKind kind(String name) {
    String constant = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (InvalidKind kind : InvalidKind.values()) {
      if (kind.name().equals(constant)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown invalid kind '" + name.trim() + "' (kinds: " + kindNames() + ")");
  }

  /** The command-line name of a kind: {@code price-mismatch}. */
  public static String name(InvalidKind kind) {
    return kind == null ? "null" : kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Every kind's command-line name, comma-separated, in declaration order. */
  public static String kindNames() {
    StringJoiner names = new StringJoiner(", ");
    for (InvalidKind kind : InvalidKind.values()) {
      names.add(name(kind));
    }
    return names.toString();
  }

  /** The kinds of the mix, in declaration order. */
  public List<InvalidKind> kinds() {
    return List.copyOf(weights.keySet());
  }

  /** This mix without one kind, or empty when that kind was all it held. */
  public Optional<InvalidMix> without(InvalidKind kind) {
    Map<InvalidKind, Integer> rest = new EnumMap<>(weights);
    rest.remove(kind);
    return rest.isEmpty() ? Optional.empty() : Optional.of(new InvalidMix(rest));
  }

  public boolean contains(InvalidKind kind) {
    return weights.containsKey(kind);
  }

  /** The share of invalid records that are of this kind, 0.0 to 1.0. */
  public double share(InvalidKind kind) {
    return weights.getOrDefault(kind, 0) / (double) totalWeight();
  }

  private int totalWeight() {
    return weights.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The mix as {@link #parse(String)} reads it back: {@code malformed-json=2,price-mismatch=1}. */
  public String format() {
    StringJoiner text = new StringJoiner(",");
    weights.forEach((kind, weight) -> text.add(name(kind) + "=" + weight));
    return text.toString();
  }

  /**
   * Picks a kind by weight. With equal weights this is {@code kinds.get(random.nextInt(size))}, so
   * orders of an evenly weighted mix stay what they were before weights existed.
   */
  InvalidKind pick(SplittableRandom random) {
    int draw = random.nextInt(totalWeight());
    for (Map.Entry<InvalidKind, Integer> entry : weights.entrySet()) {
      draw -= entry.getValue();
      if (draw < 0) {
        return entry.getKey();
      }
    }
    throw new IllegalStateException("unreachable: weights " + weights);
  }

  @Override
  public String toString() {
    return format();
  }
}
