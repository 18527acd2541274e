package dev.foodpipeline.model.sink;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/** Where a record's values go, by column: a Kafka Connect struct, or a map of them. */
@FunctionalInterface
public interface RowWriter {
  <T> RowWriter put(Column<T> column, T value);

  /**
   * The value {@code writer} puts for each column of {@code record} ({@code OrdersTable::write},
   * ...), in table order; a null value stays null.
   */
  static <R> Map<Column<?>, Object> values(BiConsumer<R, RowWriter> writer, R record) {
    Map<Column<?>, Object> values = new LinkedHashMap<>();
    writer.accept(
        record,
        new RowWriter() {
          @Override
          public <T> RowWriter put(Column<T> column, T value) {
            values.put(column, value);
            return this;
          }
        });
    return values;
  }
}
