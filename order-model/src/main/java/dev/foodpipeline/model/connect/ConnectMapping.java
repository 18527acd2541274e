package dev.foodpipeline.model.connect;

import dev.foodpipeline.model.sink.Row;
import dev.foodpipeline.model.sink.RowWriter;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/** How one record type maps to a Kafka Connect struct, both ways. */
public interface ConnectMapping<T> {
  Schema schema();

  Struct toStruct(T value);

  T fromStruct(Struct struct);

  /**
   * A mapping from a struct schema, a writer that puts a value's fields into a new struct of that
   * schema, and a reader that builds a value from a struct.
   */
  static <T> ConnectMapping<T> of(
      Schema schema, BiConsumer<T, Struct> writer, Function<Struct, T> reader) {
    return new ConnectMapping<>() {
      @Override
      public Schema schema() {
        return schema;
      }

      @Override
      public Struct toStruct(T value) {
        Struct struct = new Struct(schema);
        writer.accept(value, struct);
        return struct;
      }

      @Override
      public T fromStruct(Struct struct) {
        return reader.apply(struct);
      }
    };
  }

  /**
   * A mapping from a struct schema whose fields are columns of a sink table, a writer that puts a
   * value's columns, and a reader that builds a value from a row.
   */
  static <T> ConnectMapping<T> ofRows(
      Schema schema, BiConsumer<T, RowWriter> writer, Function<Row, T> reader) {
    return of(
        schema,
        (value, struct) -> writer.accept(value, new StructRow(struct)),
        struct -> reader.apply(new StructRow(struct)));
  }
}
