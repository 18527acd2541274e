package dev.foodpipeline.model.sink;

import java.util.List;

/**
 * The PostgreSQL tables the JDBC sink writes, described once: {@link OrdersTable}, {@link
 * OrderItemsTable}, {@link RejectedOrdersTable}, {@link RestaurantStatsTable}, {@link
 * NotificationsTable}. The Connect schemas of the processed topics ({@code ConnectMappings}), the
 * DDL ({@link #ddl()}, kept as {@value #DDL_FILE}), the tables the connectors write and the
 * reconcile readers all follow from them.
 */
public final class SinkSchema {
  /** Where the rendered DDL is kept, from the repository root. */
  public static final String DDL_FILE = "connect/sql/schema.sql";

  /** The command that writes {@link #ddl()} to {@link #DDL_FILE}. */
  public static final String REGENERATE =
      "./mvnw -B -ntp -q -pl order-model test -Dtest=SchemaFileTest -Dschema.write=true";

  private static final List<String> HEADER =
      List.of(
          "GENERATED from order-model's dev.foodpipeline.model.sink (SinkSchema, the *Table classes):",
          "do not edit. Change the description there, then regenerate this file with",
          "  " + REGENERATE,
          "(order-model's SchemaFileTest fails while the two differ).",
          "",
          "Tables written by the Debezium JDBC sink (connect/connectors/*.json).",
          "Applied by ConnectorRegistrar --schema before the connectors start; safe to run again.",
          "",
          "Why pre-create instead of letting schema.evolution=basic create them (it can, and it does",
          "take the primary key from the record key; JdbcSinkIT checks both ways):",
          "  * exact types: money is numeric(12,2) and instants are timestamptz, where the sink would",
          "    create numeric(38,2) and \"timestamp without time zone\" (holding UTC);",
          "  * written_at: when the row was first written, filled by PostgreSQL's clock, for end-to-end",
          "    latency in SQL. The sink never names this column, so an upsert leaves it as it was: a",
          "    replayed or updated record does not move written_at (see connect/README.md). It is",
          "    indexed where the dashboard reads the last minute's rows every second.",
          "NOT NULL follows the record contract: a field that the Connect schema marks optional is",
          "nullable. Columns are the records' snake_case field names. schema.evolution=basic still adds",
          "a column when a record brings a new optional field.");

  private SinkSchema() {}

  /** The five tables, in the order the DDL creates them. */
  public static List<SinkTable> tables() {
    return List.of(
        OrdersTable.TABLE,
        OrderItemsTable.TABLE,
        RejectedOrdersTable.TABLE,
        RestaurantStatsTable.TABLE,
        NotificationsTable.TABLE);
  }

  /** The whole DDL: a header, then each table's {@link SinkTable#createStatement()}. */
  public static String ddl() {
    StringBuilder sql = new StringBuilder();
    HEADER.forEach(line -> sql.append(line.isEmpty() ? "--" : "-- " + line).append('\n'));
    tables().forEach(table -> sql.append('\n').append(table.createStatement()));
    return sql.toString();
  }
}
