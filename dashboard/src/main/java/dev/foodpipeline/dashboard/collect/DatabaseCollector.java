package dev.foodpipeline.dashboard.collect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A few queries on the sink tables, on one connection kept between polls (opened again at once when
 * it broke in between). A table that does not exist yet counts as absent, not as an error. The
 * windowed queries read by {@code written_at}, which those tables index, except the busiest
 * restaurants, which come from the per-minute windows of {@code restaurant_stats}; the exact row
 * counts, which read whole tables, are taken on a {@link CountSchedule} and kept in between.
 */
public final class DatabaseCollector implements AutoCloseable {
  static final List<String> TABLES =
      List.of("orders", "order_items", "rejected_orders", "restaurant_stats", "notifications");

  private final String url;
  private final Properties properties = new Properties();
  private final CountSchedule countSchedule = new CountSchedule();
  private Map<String, Long> rows = Map.of();
  private Instant rowsCountedAt;
  private Connection connection;

  public DatabaseCollector(String url, String user, String password) {
    this.url = url;
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    properties.setProperty("connectTimeout", "2");
    properties.setProperty("socketTimeout", "5");
    properties.setProperty("ApplicationName", "dashboard");
  }

  public DatabaseView collect() throws SQLException {
    boolean kept = connection != null;
    try {
      return queryOrClose();
    } catch (SQLException e) {
      if (!kept) {
        throw e;
      }
      // The kept connection broke (PostgreSQL restarted, or ended it, between two polls, which an
      // idle dashboard leaves far apart): once more, on a new one.
      return queryOrClose();
    }
  }

  /** The queries on the connection; closed (opened again next time) when they fail. */
  private DatabaseView queryOrClose() throws SQLException {
    try {
      return query(connection());
    } catch (SQLException e) {
      close();
      throw e;
    }
  }

  private Connection connection() throws SQLException {
    if (connection == null) {
      connection = DriverManager.getConnection(url, properties);
      connection.setAutoCommit(true);
    }
    return connection;
  }

  private DatabaseView query(Connection db) throws SQLException {
    List<String> present = new ArrayList<>();
    try (Statement statement = db.createStatement()) {
      for (String table : TABLES) {
        try (ResultSet result =
            statement.executeQuery("SELECT to_regclass('public." + table + "')")) {
          if (result.next() && result.getString(1) != null) {
            present.add(table);
          }
        }
      }
      long start = System.nanoTime();
      if (countSchedule.due(start)) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : present) {
          try (ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
            result.next();
            counts.put(table, result.getLong(1));
          }
        }
        countSchedule.counted(start, System.nanoTime());
        rows = counts;
        rowsCountedAt = Instant.now();
      }
      long ordersLastMinute = 0;
      Double p50 = null;
      Double p99 = null;
      if (present.contains("orders")) {
        try (ResultSet result =
            statement.executeQuery(
                "SELECT count(*),"
                    + " percentile_cont(0.5) WITHIN GROUP (ORDER BY latency),"
                    + " percentile_cont(0.99) WITHIN GROUP (ORDER BY latency)"
                    + " FROM (SELECT extract(epoch FROM written_at - created_at) * 1000 AS latency"
                    + " FROM orders WHERE written_at > now() - interval '1 minute') recent")) {
          result.next();
          ordersLastMinute = result.getLong(1);
          p50 = nullable(result.getDouble(2), result.wasNull());
          p99 = nullable(result.getDouble(3), result.wasNull());
        }
      }
      List<String> busiest = busiestRestaurants(statement, present);
      Map<String, Long> rejections = new TreeMap<>();
      if (present.contains("rejected_orders")) {
        try (ResultSet result =
            statement.executeQuery(
                "SELECT reason_code, count(*) FROM rejected_orders"
                    + " WHERE written_at > now() - interval '1 minute' GROUP BY reason_code")) {
          while (result.next()) {
            rejections.put(result.getString(1), result.getLong(2));
          }
        }
      }
      List<DatabaseView.Notification> notifications = new ArrayList<>();
      if (present.contains("notifications")) {
        try (ResultSet result =
            statement.executeQuery(
                "SELECT type, message, notified_at FROM notifications"
                    + " ORDER BY written_at DESC LIMIT 8")) {
          while (result.next()) {
            notifications.add(
                new DatabaseView.Notification(
                    result.getString(1), result.getString(2), result.getString(3)));
          }
        }
      }
      return new DatabaseView(
          rows, rowsCountedAt, ordersLastMinute, p50, p99, rejections, busiest, notifications);
    }
  }

  /**
   * The ten restaurants with most orders in the last five minutes, from the Streams app's
   * per-restaurant windows in {@code restaurant_stats} (one row per restaurant and minute, written
   * once a window has closed): counting the orders themselves read every order of those minutes at
   * every poll (300,000 rows at 1,000 orders/s). Until a window has closed (the first minute and a
   * half of a new stack) they are counted from {@code orders}, which then holds few.
   */
  private static List<String> busiestRestaurants(Statement statement, List<String> present)
      throws SQLException {
    List<String> busiest = new ArrayList<>();
    if (present.contains("restaurant_stats")) {
      read(
          statement,
          "SELECT restaurant_id FROM restaurant_stats"
              + " WHERE window_end > now() - interval '5 minutes' GROUP BY restaurant_id"
              + " ORDER BY sum(order_count) DESC, restaurant_id LIMIT 10",
          busiest);
    }
    if (busiest.isEmpty() && present.contains("orders")) {
      read(
          statement,
          "SELECT restaurant_id FROM orders WHERE written_at > now() - interval '5 minutes'"
              + " GROUP BY restaurant_id ORDER BY count(*) DESC, restaurant_id LIMIT 10",
          busiest);
    }
    return busiest;
  }

  private static void read(Statement statement, String query, List<String> into)
      throws SQLException {
    try (ResultSet result = statement.executeQuery(query)) {
      while (result.next()) {
        into.add(result.getString(1));
      }
    }
  }

  private static Double nullable(double value, boolean wasNull) {
    return wasNull ? null : value;
  }

  @Override
  public void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // Closing a broken connection: nothing left to do.
      }
      connection = null;
    }
  }
}
