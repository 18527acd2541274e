package dev.foodpipeline.model.sink;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.function.Supplier;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;

/**
 * The type of a sink column, three ways: its PostgreSQL type, its Kafka Connect schema, and the
 * Java type of its values in the records.
 *
 * @param <T> the Java type of a value
 */
public final class ColumnType<T> {
  public static final ColumnType<String> TEXT =
      new ColumnType<>("text", String.class, SchemaBuilder::string);
  public static final ColumnType<Integer> INTEGER =
      new ColumnType<>("integer", Integer.class, SchemaBuilder::int32);
  public static final ColumnType<Long> BIGINT =
      new ColumnType<>("bigint", Long.class, SchemaBuilder::int64);

  /**
   * Money: exact, 2 decimal places (Connect's {@code Decimal} of scale 2). The sink would create
   * {@code numeric(38,2)}; 12 digits are plenty.
   */
  public static final ColumnType<BigDecimal> MONEY =
      new ColumnType<>("numeric(12,2)", BigDecimal.class, () -> Decimal.builder(2));

  /**
   * An instant (Connect's {@code Timestamp}, a {@code java.util.Date} in a struct). The sink would
   * create "timestamp without time zone" holding UTC.
   */
  public static final ColumnType<Instant> TIMESTAMPTZ =
      new ColumnType<>("timestamptz", Instant.class, Timestamp::builder);

  private final String sql;
  private final Class<T> javaType;
  private final Supplier<SchemaBuilder> connect;

  private ColumnType(String sql, Class<T> javaType, Supplier<SchemaBuilder> connect) {
    this.sql = sql;
    this.javaType = javaType;
    this.connect = connect;
  }

  /** The PostgreSQL type, as the DDL writes it. */
  public String sql() {
    return sql;
  }

  /** The Java type of a value in a record (and as read from a row). */
  public Class<T> javaType() {
    return javaType;
  }

  /** The Connect schema of a field of this type. */
  public Schema connectSchema(boolean optional) {
    SchemaBuilder builder = connect.get();
    return (optional ? builder.optional() : builder).build();
  }

  /** A value as a Connect struct holds it ({@code Instant} becomes {@code Date}). */
  public Object toConnect(T value) {
    return value instanceof Instant instant ? Date.from(instant) : value;
  }

  /** A value of a Connect struct as a record holds it. */
  public T fromConnect(Object value) {
    return javaType.cast(value instanceof Date date ? date.toInstant() : value);
  }

  @Override
  public String toString() {
    return sql;
  }
}
