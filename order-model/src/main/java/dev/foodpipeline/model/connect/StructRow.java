package dev.foodpipeline.model.connect;

import dev.foodpipeline.model.sink.Column;
import dev.foodpipeline.model.sink.Row;
import dev.foodpipeline.model.sink.RowWriter;
import org.apache.kafka.connect.data.Struct;

/** A Connect struct seen as a row of a sink table: its fields are the table's columns. */
final class StructRow implements Row, RowWriter {
  private final Struct struct;

  StructRow(Struct struct) {
    this.struct = struct;
  }

  @Override
  public <T> T get(Column<T> column) {
    return column.type().fromConnect(struct.get(column.name()));
  }

  @Override
  public <T> StructRow put(Column<T> column, T value) {
    struct.put(column.name(), column.type().toConnect(value));
    return this;
  }
}
