package dev.foodpipeline.model.sink;

import java.util.Objects;

/**
 * A column of a sink table, which is also a field of the Connect struct the sink writes it from
 * (same name, snake_case).
 *
 * @param table the table's name
 * @param name the column's (and the Connect field's) name
 * @param type its PostgreSQL, Connect and Java type
 * @param nullable whether it may be NULL (the Connect field is then optional)
 * @param <T> the Java type of a value
 */
public record Column<T>(String table, String name, ColumnType<T> type, boolean nullable) {
  public Column {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /** {@code table.column}, as messages name it. */
  public String qualifiedName() {
    return table + "." + name;
  }

  @Override
  public String toString() {
    return qualifiedName();
  }
}
