package dev.foodpipeline.model.sink;

import dev.foodpipeline.model.topics.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * One table the JDBC sink writes: its name, the topic it is written from, its columns in order
 * (each also a field of the topic's Connect value schema), its primary key (the fields of the
 * topic's Connect key schema), and {@link #WRITTEN_AT}, which only PostgreSQL fills. The DDL and
 * both Connect schemas are derived from it.
 */
public final class SinkTable {
  /**
   * The column every table adds: when the row was first written, by PostgreSQL's clock. The sink
   * never names it, so an upsert leaves it as it was.
   */
  public static final String WRITTEN_AT = "written_at";

  private final String name;
  private final Supplier<Topic<?, ?>> topic;
  private final List<String> comment;
  private final List<Column<?>> columns;
  private final List<Column<?>> primaryKey;
  private final Schema keySchema;
  private final Schema valueSchema;
  private final boolean keyFromValue;
  private final boolean writtenAtIndexed;

  private SinkTable(
      String name,
      Supplier<Topic<?, ?>> topic,
      List<String> comment,
      List<Column<?>> columns,
      List<Column<?>> primaryKey,
      String keySchemaName,
      String valueSchemaName,
      boolean keyFromValue,
      boolean writtenAtIndexed) {
    this.name = name;
    this.topic = topic;
    this.comment = List.copyOf(comment);
    this.columns = List.copyOf(columns);
    this.primaryKey = List.copyOf(primaryKey);
    this.keySchema = keyFromValue ? null : struct(keySchemaName, primaryKey);
    this.valueSchema = struct(valueSchemaName, columns);
    this.keyFromValue = keyFromValue;
    this.writtenAtIndexed = writtenAtIndexed;
  }

  private static Schema struct(String name, List<Column<?>> fields) {
    SchemaBuilder builder = SchemaBuilder.struct().name(name);
    fields.forEach(
        column -> builder.field(column.name(), column.type().connectSchema(column.nullable())));
    return builder.build();
  }

  public String name() {
    return name;
  }

  /** The topic (of {@code Topics}) whose records the sink writes into this table. */
  public Topic<?, ?> topic() {
    return topic.get();
  }

  /** The columns the sink writes, in order ({@link #WRITTEN_AT} is not one of them). */
  public List<Column<?>> columns() {
    return columns;
  }

  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  public List<Column<?>> primaryKey() {
    return primaryKey;
  }

  /**
   * The Connect schema of the topic's keys: the primary key's columns. Null when the key is {@link
   * #keyFromValue() taken from the value}.
   */
  public Schema keySchema() {
    return keySchema;
  }

  /**
   * True when the sink takes the primary key from the value's fields ({@code
   * primary.key.mode=record_value}): the topic's key is then chosen for partitioning, not for the
   * row.
   */
  public boolean keyFromValue() {
    return keyFromValue;
  }

  /** The Connect schema of the topic's values: every column, the key's included. */
  public Schema valueSchema() {
    return valueSchema;
  }

  /** What the table holds, as the DDL's comment says it. */
  public List<String> comment() {
    return comment;
  }

  /**
   * {@code CREATE TABLE IF NOT EXISTS}, columns aligned, with its comment above; then {@code CREATE
   * INDEX IF NOT EXISTS <name>_written_at} when the table was built {@link
   * Builder#withWrittenAtIndex() with that index}.
   */
  public String createStatement() {
    int nameWidth = WRITTEN_AT.length();
    int typeWidth = ColumnType.TIMESTAMPTZ.sql().length();
    for (Column<?> column : columns) {
      nameWidth = Math.max(nameWidth, column.name().length());
      typeWidth = Math.max(typeWidth, column.type().sql().length());
    }
    StringBuilder sql = new StringBuilder();
    comment.forEach(line -> sql.append("-- ").append(line).append('\n'));
    sql.append("-- From topic ")
        .append(topic().name())
        .append(keyFromValue ? ", upserted on the value's " : ", upserted on the record key: ")
        .append(String.join(" + ", primaryKey.stream().map(Column::name).toList()))
        .append(".\n");
    sql.append("CREATE TABLE IF NOT EXISTS ").append(name).append(" (\n");
    String format = "    %-" + nameWidth + "s %s,\n";
    String notNull = "%-" + typeWidth + "s NOT NULL";
    for (Column<?> column : columns) {
      String type =
          column.nullable()
              ? column.type().sql()
              : String.format(Locale.ROOT, notNull, column.type().sql());
      sql.append(String.format(Locale.ROOT, format, column.name(), type));
    }
    String writtenAt =
        String.format(Locale.ROOT, notNull, ColumnType.TIMESTAMPTZ.sql())
            + " DEFAULT clock_timestamp()";
    sql.append(String.format(Locale.ROOT, format, WRITTEN_AT, writtenAt));
    sql.append("    CONSTRAINT ")
        .append(name)
        .append("_pkey PRIMARY KEY (")
        .append(String.join(", ", primaryKey.stream().map(Column::name).toList()))
        .append(")\n);\n");
    if (writtenAtIndexed) {
      sql.append("CREATE INDEX IF NOT EXISTS ")
          .append(name)
          .append('_')
          .append(WRITTEN_AT)
          .append(" ON ")
          .append(name)
          .append(" (")
          .append(WRITTEN_AT)
          .append(");\n");
    }
    return sql.toString();
  }

  @Override
  public String toString() {
    return name;
  }

  static Builder builder(String name, Supplier<Topic<?, ?>> topic) {
    return new Builder(name, topic);
  }

  /** Collects a table's columns in the order they are declared. */
  static final class Builder {
    private final String name;
    private final Supplier<Topic<?, ?>> topic;
    private final List<Column<?>> columns = new ArrayList<>();
    private boolean writtenAtIndexed;

    private Builder(String name, Supplier<Topic<?, ?>> topic) {
      this.name = name;
      this.topic = topic;
    }

    /**
     * The table gets an index on {@link #WRITTEN_AT}: for the tables the dashboard reads by it
     * every second (the last minute's orders and rejections, the latest notifications), so that it
     * reads those rows, not the whole table. A table nobody reads that way is spared the cost of
     * the index on each insert.
     */
    Builder withWrittenAtIndex() {
      writtenAtIndexed = true;
      return this;
    }

    <T> Column<T> column(String column, ColumnType<T> type) {
      return add(new Column<>(name, column, type, false));
    }

    <T> Column<T> nullableColumn(String column, ColumnType<T> type) {
      return add(new Column<>(name, column, type, true));
    }

    private <T> Column<T> add(Column<T> column) {
      if (columns.stream().anyMatch(c -> c.name().equals(column.name()))
          || column.name().equals(WRITTEN_AT)) {
        throw new IllegalArgumentException(name + " has column " + column.name() + " twice");
      }
      columns.add(column);
      return column;
    }

    /**
     * The table, with its Connect schemas named {@code keySchemaName} and {@code valueSchemaName}.
     */
    SinkTable build(
        String keySchemaName, String valueSchemaName, List<String> comment, Column<?>... key) {
      return build(keySchemaName, valueSchemaName, false, comment, key);
    }

    /**
     * The table of a topic whose key is not the row's: the sink takes the primary key {@code key}
     * from the value, whose Connect schema is named {@code valueSchemaName}.
     */
    SinkTable buildKeyedByValue(String valueSchemaName, List<String> comment, Column<?>... key) {
      return build(null, valueSchemaName, true, comment, key);
    }

    private SinkTable build(
        String keySchemaName,
        String valueSchemaName,
        boolean keyFromValue,
        List<String> comment,
        Column<?>... key) {
      for (Column<?> column : key) {
        if (!columns.contains(column) || column.nullable()) {
          throw new IllegalArgumentException(
              "the primary key of " + name + " names " + column + ", not a NOT NULL column of it");
        }
      }
      return new SinkTable(
          name,
          Objects.requireNonNull(topic),
          comment,
          columns,
          List.of(key),
          keySchemaName,
          valueSchemaName,
          keyFromValue,
          writtenAtIndexed);
    }
  }
}
