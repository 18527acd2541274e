package dev.foodpipeline.sink;

import dev.foodpipeline.model.Notification;
import dev.foodpipeline.model.NotificationType;
import dev.foodpipeline.model.ProcessedItem;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.json.RawText;
import dev.foodpipeline.model.sink.Column;
import dev.foodpipeline.model.sink.NotificationsTable;
import dev.foodpipeline.model.sink.OrderItemsTable;
import dev.foodpipeline.model.sink.OrdersTable;
import dev.foodpipeline.model.sink.RejectedOrdersTable;
import dev.foodpipeline.model.sink.Row;
import dev.foodpipeline.model.sink.SinkTable;
import dev.foodpipeline.shell.Errors;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@link SinkTables} over one JDBC connection to PostgreSQL, opened at once (so an unreachable
 * database fails the command before any work) and held until {@link #close()}. Its queries name the
 * columns of order-model's sink description ({@code dev.foodpipeline.model.sink}) and read rows
 * with the same code that reads the Connect records. A failure is a {@link DatabaseException} with
 * a one-line message chosen by the SQLState: unreachable (class 08), login refused (28), no such
 * database (3D000), or a failed query.
 */
public final class JdbcSinkTables implements SinkTables {
  /** SQLState of a table that does not exist (the sink has not created it yet). */
  static final String UNDEFINED_TABLE = "42P01";

  private static final String ORDERS =
      select(OrdersTable.TABLE, OrdersTable.TABLE.columnNames(), OrdersTable.ORDER_ID);
  private static final String ITEMS =
      select(OrderItemsTable.TABLE, OrderItemsTable.TABLE.columnNames(), OrderItemsTable.ORDER_ID);

  /** The columns of a {@link RejectionRow} but {@code raw}. */
  private static final List<String> REJECTION =
      names(
          RejectedOrdersTable.SOURCE_TOPIC,
          RejectedOrdersTable.SOURCE_PARTITION,
          RejectedOrdersTable.SOURCE_OFFSET,
          RejectedOrdersTable.ORDER_ID,
          RejectedOrdersTable.REASON_CODE);

  private static final String REJECTIONS =
      select(
          RejectedOrdersTable.TABLE,
          with(REJECTION, "NULL AS " + RejectedOrdersTable.RAW.name()),
          RejectedOrdersTable.ORDER_ID);
  private static final String REJECTIONS_WITHOUT_ID =
      String.format(
          Locale.ROOT,
          "SELECT %1$s FROM %2$s WHERE %3$s IS NULL AND (%4$s LIKE ? OR %4$s LIKE '%5$s%%')",
          String.join(", ", with(REJECTION, RejectedOrdersTable.RAW.name())),
          RejectedOrdersTable.TABLE.name(),
          RejectedOrdersTable.ORDER_ID.name(),
          RejectedOrdersTable.RAW.name(),
          RawText.BASE64_PREFIX);

  private static final String REJECTIONS_WITH_RAW =
      select(
          RejectedOrdersTable.TABLE,
          with(REJECTION, RejectedOrdersTable.RAW.name()),
          RejectedOrdersTable.ORDER_ID);

  /** {@code AND type IN ('ORDER_CONFIRMED', 'ORDER_REJECTED')}: the customers' notifications. */
  private static final String CUSTOMER_TYPES =
      " AND "
          + NotificationsTable.TYPE.name()
          + " IN ("
          + String.join(
              ", ",
              Stream.of(NotificationType.values())
                  .filter(t -> t.audience() == NotificationType.Audience.CUSTOMER)
                  .map(t -> "'" + t.name() + "'")
                  .toList())
          + ")";

  private static final String CUSTOMER_NOTIFICATIONS =
      select(
              NotificationsTable.TABLE,
              NotificationsTable.TABLE.columnNames(),
              NotificationsTable.ORDER_ID)
          + CUSTOMER_TYPES;

  private static final String NOTIFICATIONS_NAMED =
      "SELECT "
          + String.join(", ", NotificationsTable.TABLE.columnNames())
          + " FROM "
          + NotificationsTable.TABLE.name()
          + " WHERE "
          + NotificationsTable.NOTIFICATION_ID.name()
          + " = ANY (?)";

  private static List<String> names(Column<?>... columns) {
    return Stream.of(columns).map(Column::name).toList();
  }

  private static List<String> with(List<String> columns, String last) {
    return Stream.concat(columns.stream(), Stream.of(last)).toList();
  }

  /** {@code SELECT columns FROM table WHERE orderId BETWEEN ? AND ?}. */
  static String select(SinkTable table, List<String> columns, Column<String> orderId) {
    return "SELECT "
        + String.join(", ", columns)
        + " FROM "
        + table.name()
        + " WHERE "
        + orderId.name()
        + " BETWEEN ? AND ?";
  }

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
  public Counts count(IdRange range) {
    return new Counts(
        countOf(OrdersTable.TABLE, OrdersTable.ORDER_ID, range),
        countOf(OrderItemsTable.TABLE, OrderItemsTable.ORDER_ID, range),
        countOf(RejectedOrdersTable.TABLE, RejectedOrdersTable.ORDER_ID, range),
        countOf(
            select(NotificationsTable.TABLE, List.of("count(*)"), NotificationsTable.ORDER_ID)
                + CUSTOMER_TYPES,
            range));
  }

  private long countOf(SinkTable table, Column<String> orderId, IdRange range) {
    return countOf(select(table, List.of("count(*)"), orderId), range);
  }

  private long countOf(String sql, IdRange range) {
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
  public List<ProcessedOrder> orders(IdRange range) {
    return query(ORDERS, OrdersTable::read, range.lowId(), range.highId());
  }

  @Override
  public List<ProcessedItem> items(IdRange range) {
    return query(ITEMS, OrderItemsTable::read, range.lowId(), range.highId());
  }

  @Override
  public List<RejectionRow> rejections(IdRange range) {
    return query(REJECTIONS, RejectionRow::read, range.lowId(), range.highId());
  }

  @Override
  public List<RejectionRow> rejectionsWithRaw(IdRange range) {
    return query(REJECTIONS_WITH_RAW, RejectionRow::read, range.lowId(), range.highId());
  }

  @Override
  public List<Notification> customerNotifications(IdRange range) {
    return query(CUSTOMER_NOTIFICATIONS, NotificationsTable::read, range.lowId(), range.highId());
  }

  @Override
  public List<Notification> notificationsNamed(Collection<String> notificationIds) {
    if (notificationIds.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement statement = connection.prepareStatement(NOTIFICATIONS_NAMED)) {
      statement.setQueryTimeout((int) Math.max(1, settings.timeout().toSeconds()));
      statement.setArray(1, connection.createArrayOf("text", notificationIds.toArray()));
      return read(statement, NotificationsTable::read);
    } catch (ResultSetRow.ReadFailure e) {
      throw failure(settings, e.getCause());
    } catch (SQLException e) {
      if (UNDEFINED_TABLE.equals(e.getSQLState())) {
        return List.of();
      }
      throw failure(settings, e);
    }
  }

  @Override
  public List<RejectionRow> rejectionsWithoutOrderId(String idPrefix) {
    return query(REJECTIONS_WITHOUT_ID, RejectionRow::read, "%" + idPrefix + "%");
  }

  @Override
  public String describe() {
    return "PostgreSQL at " + settings.jdbcUrl();
  }

  private <T> List<T> query(String sql, Function<Row, T> reader, String... parameters) {
    try (PreparedStatement statement = prepare(sql, parameters)) {
      return read(statement, reader);
    } catch (ResultSetRow.ReadFailure e) {
      throw failure(settings, e.getCause());
    } catch (SQLException e) {
      if (UNDEFINED_TABLE.equals(e.getSQLState())) {
        return List.of();
      }
      throw failure(settings, e);
    }
  }

  private static <T> List<T> read(PreparedStatement statement, Function<Row, T> reader)
      throws SQLException {
    try (ResultSet result = statement.executeQuery()) {
      List<T> rows = new ArrayList<>();
      Row row = new ResultSetRow(result);
      while (result.next()) {
        rows.add(reader.apply(row));
      }
      return rows;
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

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // Closing a connection whose server went away: nothing left to release.
    }
  }
}
