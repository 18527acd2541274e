package dev.foodpipeline.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SqlQueryIT {

  private static PostgresServer postgres;

  @BeforeAll
  static void start() {
    postgres = PostgresServer.start();
  }

  @AfterAll
  static void stop() {
    postgres.close();
  }

  private static String[] run(String sql) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(new SqlQuery());
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    int exit = command.execute("--jdbc-url", postgres.jdbcUrl(), sql);
    return new String[] {Integer.toString(exit), out.toString(), err.toString()};
  }

  @Test
  void printsRowsAsAnAlignedTable() {
    assertThat(run("CREATE TABLE IF NOT EXISTS t (id int, name text)")[1])
        .isEqualTo("0 row(s) changed" + System.lineSeparator());
    run("INSERT INTO t VALUES (1, 'pad thai'), (22, NULL)");

    String[] result = run("SELECT id, name FROM t ORDER BY id");

    assertThat(result[0]).isEqualTo("0");
    assertThat(result[1].lines())
        .containsExactly("id | name", "---+---------", "1  | pad thai", "22 | NULL", "(2 rows)");
  }

  @Test
  void reportsABadStatementInOneLineAndExitsNonZero() {
    String[] result = run("SELECT * FROM no_such_table");

    assertThat(result[0]).isEqualTo("1");
    assertThat(result[2])
        .startsWith(
            "SQL failed at "
                + postgres.jdbcUrl()
                + ": ERROR: relation \"no_such_table\" does not exist");
    assertThat(result[2].lines()).hasSize(1);
  }
}
