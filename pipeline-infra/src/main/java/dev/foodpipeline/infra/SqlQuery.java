package dev.foodpipeline.infra;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Runs one SQL statement against PostgreSQL and prints the rows as an aligned table, so that the
 * local stack can be queried on a machine without {@code psql}: {@code scripts/local-stack sql
 * "…"}.
 */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = "Runs one SQL statement against the food database and prints the result.")
public final class SqlQuery implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--jdbc-url",
      defaultValue = "jdbc:postgresql://127.0.0.1:5432/food",
      description = "Default: ${DEFAULT-VALUE}.")
  private String jdbcUrl;

  @Option(
      names = "--user",
      defaultValue = PostgresServer.USER,
      description = "Default: ${DEFAULT-VALUE}.")
  private String user;

  @Option(
      names = "--password",
      defaultValue = PostgresServer.PASSWORD,
      description = "Default: ${DEFAULT-VALUE}.")
  private String password;

  @Parameters(
      index = "0",
      paramLabel = "SQL",
      description = "The statement, e.g. \"SELECT count(*) FROM orders\".")
  private String sql;

  public static void main(String[] args) {
    System.exit(new CommandLine(new SqlQuery()).execute(args));
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
        Statement statement = connection.createStatement()) {
      if (statement.execute(sql)) {
        try (ResultSet rows = statement.getResultSet()) {
          print(rows, out);
        }
      } else {
        out.println(statement.getUpdateCount() + " row(s) changed");
      }
      out.flush();
      return 0;
    } catch (SQLException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "SQL failed at " + jdbcUrl + ": " + e.getMessage().lines().findFirst().orElse(""));
      err.flush();
      return 1;
    }
  }

  static void print(ResultSet rows, PrintWriter out) throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    int columns = meta.getColumnCount();
    List<String[]> table = new ArrayList<>();
    String[] header = new String[columns];
    for (int c = 0; c < columns; c++) {
      header[c] = meta.getColumnLabel(c + 1);
    }
    table.add(header);
    while (rows.next()) {
      String[] row = new String[columns];
      for (int c = 0; c < columns; c++) {
        Object value = rows.getObject(c + 1);
        row[c] = value == null ? "NULL" : value.toString();
      }
      table.add(row);
    }
    int[] widths = new int[columns];
    for (String[] row : table) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    for (int r = 0; r < table.size(); r++) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        line.append(c == 0 ? "" : " | ")
            .append(String.format("%-" + widths[c] + "s", table.get(r)[c]));
      }
      out.println(line.toString().stripTrailing());
      if (r == 0) {
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < columns; c++) {
          rule.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
        }
        out.println(rule);
      }
    }
    out.println("(" + (table.size() - 1) + " row" + (table.size() == 2 ? "" : "s") + ")");
  }
}
