package dev.foodpipeline.infra;

import dev.foodpipeline.shell.Errors;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * "…"}. Reads the shared database settings ({@code FOOD_JDBC_URL}, {@code FOOD_DB_USER}, {@code
 * FOOD_DB_PASSWORD}) like every program of the pipeline.
 */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    version = "sql 1.0.0",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Runs one SQL statement against the food database and prints the result.",
      "A flag wins over FOOD_SQL_<FLAG>, that over the shared FOOD_JDBC_URL, FOOD_DB_USER and"
          + " FOOD_DB_PASSWORD, that over --config-file, that over the default."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:done",
      "2:bad flag or setting",
      "5:PostgreSQL unreachable, the login refused, or the statement failed",
      "70:internal error (a bug)"
    })
public final class SqlQuery implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--jdbc-url",
      paramLabel = "URL",
      defaultValue = "jdbc:postgresql://127.0.0.1:5432/food",
      description = "the database (default ${DEFAULT-VALUE})")
  private String jdbcUrl;

  @Option(
      names = "--jdbc-user",
      paramLabel = "USER",
      defaultValue = PostgresServer.USER,
      description = "its user (default ${DEFAULT-VALUE})")
  private String jdbcUser;

  @Option(
      names = "--jdbc-password",
      paramLabel = "PASSWORD",
      defaultValue = PostgresServer.PASSWORD,
      description =
          "its password; better from FOOD_DB_PASSWORD or --config-file (default ${DEFAULT-VALUE})")
  private String jdbcPassword;

  @Option(
      names = "--config-file",
      paramLabel = "FILE",
      description =
          "a .properties file of settings: flags without their dashes (jdbc-password=...)")
  private Path configFile;

  /** The names before the shell ({@code --user}, {@code --password}), kept working. */
  @Option(names = "--user", hidden = true)
  private String user;

  @Option(names = "--password", hidden = true)
  private String password;

  @Parameters(
      index = "0",
      paramLabel = "SQL",
      description = "the statement, e.g. \"SELECT count(*) FROM orders\"")
  private String sql;

  public static void main(String[] args) {
    System.exit(commandLine(System.getenv()).execute(args));
  }

  /** The command line with the shell's settings and error handling (exit 5 for the database). */
  static CommandLine commandLine(Map<String, String> env) {
    return Commands.commandLine(new SqlQuery(), env, "");
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Connection connection =
            DriverManager.getConnection(
                jdbcUrl,
                user != null ? user : jdbcUser,
                password != null ? password : jdbcPassword);
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
      throw new Commands.DatabaseException(
          "SQL failed at " + jdbcUrl + ": " + Errors.oneLine(e.getMessage()), e);
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
