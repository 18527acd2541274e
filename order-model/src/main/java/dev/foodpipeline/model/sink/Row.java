package dev.foodpipeline.model.sink;

/**
 * The values of one row of a sink table, by column: a Kafka Connect struct the sink writes, or a
 * row read back from PostgreSQL. Each table reads its records from a row in one place.
 */
@FunctionalInterface
public interface Row {
  /** The column's value, null when it is NULL. */
  <T> T get(Column<T> column);
}
