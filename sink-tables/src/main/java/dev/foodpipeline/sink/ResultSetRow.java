package dev.foodpipeline.sink;

import dev.foodpipeline.model.sink.Column;
import dev.foodpipeline.model.sink.ColumnType;
import dev.foodpipeline.model.sink.Row;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** The current row of a JDBC result, read by the columns of the sink description. */
final class ResultSetRow implements Row {
  /** A column could not be read; its cause is the driver's {@link SQLException}. */
  static final class ReadFailure extends RuntimeException {
    ReadFailure(SQLException cause) {
      super(cause);
    }

    @Override
    public synchronized SQLException getCause() {
      return (SQLException) super.getCause();
    }
  }

  private final ResultSet result;

  ResultSetRow(ResultSet result) {
    this.result = result;
  }

  @Override
  public <T> T get(Column<T> column) {
    Class<T> type = column.type().javaType();
    try {
      if (column.type() == ColumnType.TIMESTAMPTZ) {
        OffsetDateTime value = result.getObject(column.name(), OffsetDateTime.class);
        return type.cast(value == null ? null : value.toInstant());
      }
      return result.getObject(column.name(), type);
    } catch (SQLException e) {
      throw new ReadFailure(e);
    }
  }
}
