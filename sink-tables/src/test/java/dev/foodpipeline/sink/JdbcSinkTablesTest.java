package dev.foodpipeline.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A failing database is one line chosen by its SQLState; the settings are checked. */
class JdbcSinkTablesTest {
  private static final DatabaseSettings SETTINGS =
      new DatabaseSettings(
          "jdbc:postgresql://db:5432/food", "food", "secret", Duration.ofSeconds(3));

  @Test
  void aConnectionErrorSaysTheDatabaseIsUnreachable() {
    assertThat(JdbcSinkTables.failure(SETTINGS, new SQLException("refused\nmore", "08001")))
        .isInstanceOf(DatabaseException.class)
        .hasMessage("Couldn't reach PostgreSQL at jdbc:postgresql://db:5432/food: refused");
    assertThat(
            JdbcSinkTables.failure(
                SETTINGS, new SQLException("reset", null, new IOException("reset"))))
        .hasMessageStartingWith("Couldn't reach PostgreSQL at jdbc:postgresql://db:5432/food");
  }

  @Test
  void aRefusedLoginNamesTheUser() {
    assertThat(JdbcSinkTables.failure(SETTINGS, new SQLException("bad password", "28P01")))
        .hasMessage(
            "PostgreSQL at jdbc:postgresql://db:5432/food refused the login of user food: bad"
                + " password");
  }

  @Test
  void aMissingDatabaseAndAnyOtherErrorAreNamed() {
    assertThat(JdbcSinkTables.failure(SETTINGS, new SQLException("no food", "3D000")))
        .hasMessage("PostgreSQL at jdbc:postgresql://db:5432/food has no such database: no food");
    assertThat(JdbcSinkTables.failure(SETTINGS, new SQLException("syntax", "42601")))
        .hasMessage("PostgreSQL at jdbc:postgresql://db:5432/food failed: syntax");
  }

  @Test
  void theSettingsMustNameAPostgresUrlAndAPositiveTimeout() {
    assertThatThrownBy(
            () -> new DatabaseSettings("jdbc:mysql://x/food", "u", "p", Duration.ofSeconds(1)))
        .hasMessageStartingWith("--jdbc-url must be a PostgreSQL JDBC URL");
    assertThatThrownBy(
            () -> new DatabaseSettings("jdbc:postgresql://x/food", "u", "p", Duration.ZERO))
        .hasMessage("--db-timeout must be more than 0, was PT0S");
    assertThat(SETTINGS).hasToString("DatabaseSettings[jdbc:postgresql://db:5432/food, user food]");
  }

  @Test
  void theQueriesSelectTheDescribedColumnsOfARangeOfOrderIds() {
    assertThat(
            JdbcSinkTables.select(
                dev.foodpipeline.model.sink.OrderItemsTable.TABLE,
                dev.foodpipeline.model.sink.OrderItemsTable.TABLE.columnNames(),
                dev.foodpipeline.model.sink.OrderItemsTable.ORDER_ID))
        .isEqualTo(
            "SELECT order_id, line_no, menu_item_id, item_name, quantity, unit_price, line_total"
                + " FROM order_items WHERE order_id BETWEEN ? AND ?");
  }

  @Test
  void countsAddUp() {
    assertThat(new SinkTables.Counts(1, 2, 3).plus(new SinkTables.Counts(10, 20, 30)))
        .isEqualTo(new SinkTables.Counts(11, 22, 33));
    assertThat(SinkTables.Counts.NONE).isEqualTo(new SinkTables.Counts(0, 0, 0));
  }

  @Test
  void aRejectionRowSaysWhereItsRecordWas() {
    RejectionRow row = new RejectionRow("food-orders", 2, 117, null, "MALFORMED_JSON", "{");
    assertThat(row.position()).isEqualTo("2@117");
    assertThat(row.withOrderId("o-1-00000001").orderId()).isEqualTo("o-1-00000001");
  }
}
