package dev.foodpipeline.model.connect;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/** How one record type maps to a Kafka Connect struct, both ways. */
public interface ConnectMapping<T> {
  Schema schema();

  Struct toStruct(T value);

  T fromStruct(Struct struct);
}
