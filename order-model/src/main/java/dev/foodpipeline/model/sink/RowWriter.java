package dev.foodpipeline.model.sink;

/** Where a record's values go, by column: a Kafka Connect struct. */
@FunctionalInterface
public interface RowWriter {
  <T> RowWriter put(Column<T> column, T value);
}
