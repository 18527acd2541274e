package dev.foodpipeline.generator.reconcile;

import dev.foodpipeline.model.ProcessedItem;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.shell.Errors;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * {@link SinkTables} over one JDBC connection to PostgreSQL, opened at once (so an unreachable
 * database fails the command before any work) and held until {@link #close()}.
 */
public final class JdbcSinkTables implements SinkTables {
  static final String UNDEFINED_TABLE = "42P01";

  private static final String ORDERS =
      "SELECT order_id, customer_id, restaurant_id, restaurant_name, cuisine, city, item_count, subtotal, tax,"
          + " delivery_fee, total, delivery_street, delivery_city, delivery_postal_code, created_at,"
          + " estimated_ready_at, processed_at, source_partition, source_offset"
          + " FROM orders WHERE order_id BETWEEN ? AND ?";
  private static final String ITEMS =
      "SELECT order_id, line_no, menu_item_id, item_name, quantity, unit_price, line_total"
          + " FROM order_items WHERE order_id BETWEEN ? AND ?";
  private static final String REJECTIONS =
      "SELECT source_topic, source_partition, source_offset, order_id, reason_code, NULL AS raw"
          + " FROM rejected_orders WHERE order_id BETWEEN ? AND ?";
  private static final String REJECTIONS_WITHOUT_ID =
      "SELECT source_topic, source_partition, source_offset, order_id, reason_code, raw"
          + " FROM rejected_orders WHERE order_id IS NULL AND (raw LIKE ? OR raw LIKE 'base64:%')";

  private final DatabaseSettings settings;
  private final Connection connection;

  private JdbcSinkTables(DatabaseSettings settings, Connection connection) {
    this.settings = settings;
    this.connection = connection;
  }

  /**
   * Connects.
   *
   * @throws DatabaseException with a one-line message when the database is unreachable or refuses
   *     the login
   */
  public static JdbcSinkTables open(DatabaseSettings settings) {
    Properties properties = new Properties();
    properties.setProperty("user", settings.user());
    properties.setProperty("password", settings.password());
    long seconds = Math.max(1, settings.timeout().toSeconds());
    properties.setProperty("connectTimeout", Long.toString(seconds));
    properties.setProperty("loginTimeout", Long.toString(seconds));
    properties.setProperty("socketTimeout", Long.toString(seconds));
    properties.setProperty("ApplicationName", "order-generator reconcile");
    try {
      Connection connection = DriverManager.getConnection(settings.jdbcUrl(), properties);
      connection.setReadOnly(true);
      return new JdbcSinkTables(settings, connection);
    } catch (SQLException e) {
      throw failure(settings, e);
    }
  }

  static DatabaseException failure(DatabaseSettings settings, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String message = Errors.oneLineOf(e);
    if (state.startsWith("08") || e.getCause() instanceof java.io.IOException) {
      return new DatabaseException(
          "Couldn't reach PostgreSQL at " + settings.jdbcUrl() + ": " + message, e);
    }
    if (state.startsWith("28")) {
      return new DatabaseException(
          "PostgreSQL at "
              + settings.jdbcUrl()
              + " refused the login of user "
              + settings.user()
              + ": "
              + message,
          e);
    }
    if (state.equals("3D000")) {
      return new DatabaseException(
          "PostgreSQL at " + settings.jdbcUrl() + " has no such database: " + message, e);
    }
    return new DatabaseException("PostgreSQL at " + settings.jdbcUrl() + " failed: " + message, e);
  }

  @Override
  public Counts count(OrderIdRange range) {
    return new Counts(
        countOf("orders", range), countOf("order_items", range), countOf("rejected_orders", range));
  }

  private long countOf(String table, OrderIdRange range) {
    String sql = "SELECT count(*) FROM " + table + " WHERE order_id BETWEEN ? AND ?";
    try (PreparedStatement statement = prepare(sql, range.lowId(), range.highId());
        ResultSet result = statement.executeQuery()) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      if (UNDEFINED_TABLE.equals(e.getSQLState())) {
        return 0;
      }
      throw failure(settings, e);
    }
  }

  @Override
  public List<ProcessedOrder> orders(OrderIdRange range) {
    return query(ORDERS, JdbcSinkTables::order, range.lowId(), range.highId());
  }

  @Override
  public List<ProcessedItem> items(OrderIdRange range) {
    return query(ITEMS, JdbcSinkTables::item, range.lowId(), range.highId());
  }

  @Override
  public List<RejectionRow> rejections(OrderIdRange range) {
    return query(REJECTIONS, JdbcSinkTables::rejection, range.lowId(), range.highId());
  }

  @Override
  public List<RejectionRow> rejectionsWithoutOrderId(String idPrefix) {
    return query(REJECTIONS_WITHOUT_ID, JdbcSinkTables::rejection, "%" + idPrefix + "%");
  }

  @Override
  public String describe() {
    return "PostgreSQL at " + settings.jdbcUrl();
  }

  @FunctionalInterface
  private interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  private <T> List<T> query(String sql, RowReader<T> reader, String... parameters) {
    try (PreparedStatement statement = prepare(sql, parameters);
        ResultSet result = statement.executeQuery()) {
      List<T> rows = new ArrayList<>();
      while (result.next()) {
        rows.add(reader.read(result));
      }
      return rows;
    } catch (SQLException e) {
      if (UNDEFINED_TABLE.equals(e.getSQLState())) {
        return List.of();
      }
      throw failure(settings, e);
    }
  }

  private PreparedStatement prepare(String sql, String... parameters) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    statement.setQueryTimeout((int) Math.max(1, settings.timeout().toSeconds()));
    for (int i = 0; i < parameters.length; i++) {
      statement.setString(i + 1, parameters[i]);
    }
    return statement;
  }

  private static ProcessedOrder order(ResultSet row) throws SQLException {
    return new ProcessedOrder(
        row.getString("order_id"),
        row.getString("customer_id"),
        row.getString("restaurant_id"),
        row.getString("restaurant_name"),
        row.getString("cuisine"),
        row.getString("city"),
        row.getInt("item_count"),
        row.getBigDecimal("subtotal"),
        row.getBigDecimal("tax"),
        row.getBigDecimal("delivery_fee"),
        row.getBigDecimal("total"),
        row.getString("delivery_street"),
        row.getString("delivery_city"),
        row.getString("delivery_postal_code"),
        instant(row, "created_at"),
        instant(row, "estimated_ready_at"),
        instant(row, "processed_at"),
        row.getInt("source_partition"),
        row.getLong("source_offset"));
  }

  private static ProcessedItem item(ResultSet row) throws SQLException {
    return new ProcessedItem(
        row.getString("order_id"),
        row.getInt("line_no"),
        row.getString("menu_item_id"),
        row.getString("item_name"),
        row.getInt("quantity"),
        row.getBigDecimal("unit_price"),
        row.getBigDecimal("line_total"));
  }

  private static RejectionRow rejection(ResultSet row) throws SQLException {
    return new RejectionRow(
        row.getString("source_topic"),
        row.getInt("source_partition"),
        row.getLong("source_offset"),
        row.getString("order_id"),
        row.getString("reason_code"),
        row.getString("raw"));
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // Closing a connection whose server went away: nothing left to release.
    }
  }
}
