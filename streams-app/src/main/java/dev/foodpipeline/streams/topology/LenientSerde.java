package dev.foodpipeline.streams.topology;

import dev.foodpipeline.shell.Errors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps a serde so that bytes it cannot read become null (logged) instead of an exception. Used for
 * the restaurants GlobalKTable: a global store restores its topic as raw bytes and reads them on
 * every join lookup, so a corrupt restaurant record would otherwise throw inside the join, in the
 * stream thread, again and again. Read as null, a corrupt record means "no such restaurant" (its
 * orders are rejected as UNKNOWN_RESTAURANT), both when it arrives and after a restore.
 *
 * <p>Logs at WARN the 1st, 2nd, 4th, 8th… failure, so a corrupt record that every lookup meets
 * cannot flood the log.
 */
public final class LenientSerde<T> implements Serde<T> {
  private static final Logger log = LoggerFactory.getLogger(LenientSerde.class);
  private static final int MAX_MESSAGE_CHARS = 300;

  private final Serde<T> inner;
  private final AtomicLong failures = new AtomicLong();

  private LenientSerde(Serde<T> inner) {
    this.inner = inner;
  }

  public static <T> LenientSerde<T> of(Serde<T> inner) {
    return new LenientSerde<>(inner);
  }

  /** How many records could not be read so far. */
  public long failures() {
    return failures.get();
  }

  @Override
  public Serializer<T> serializer() {
    return inner.serializer();
  }

  @Override
  public Deserializer<T> deserializer() {
    Deserializer<T> strict = inner.deserializer();
    return (topic, bytes) -> {
      try {
        return strict.deserialize(topic, bytes);
      } catch (RuntimeException e) {
        long count = failures.incrementAndGet();
        if (Long.bitCount(count) == 1) {
          log.warn(
              "Cannot read a {} record of {} bytes, treating it as absent ({} such reads so far): {}",
              topic,
              bytes == null ? 0 : bytes.length,
              count,
              describe(e));
        }
        return null;
      }
    };
  }

  private static String describe(Throwable e) {
    Throwable root = Errors.rootCause(e);
    String text = root.getMessage() == null ? "" : Errors.oneLine(root.getMessage());
    String message = root.getClass().getSimpleName() + ": " + text;
    return message.length() > MAX_MESSAGE_CHARS
        ? message.substring(0, MAX_MESSAGE_CHARS) + "…"
        : message;
  }
}
