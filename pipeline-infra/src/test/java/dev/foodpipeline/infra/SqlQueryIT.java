package dev.foodpipeline.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.shell.ExitCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

  private static String[] run(String sql, String... flags) {
    List<String> args = new ArrayList<>(List.of(flags));
    args.addAll(List.of("--jdbc-url", postgres.jdbcUrl(), sql));
    ProgramRun result = ProgramRun.run(SqlQuery.commandLine(Map.of()), args.toArray(String[]::new));
    return new String[] {Integer.toString(result.exitCode()), result.out(), result.err()};
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

    assertThat(result[0]).isEqualTo(String.valueOf(ExitCodes.DATABASE_ERROR));
    assertThat(result[2])
        .startsWith(
            "SQL failed at "
                + postgres.jdbcUrl()
                + ": ERROR: relation \"no_such_table\" does not exist");
    assertThat(result[2].lines()).hasSize(1);
  }

  @Test
  void logsInAsTheUserOfTheJdbcFlagOrItsOldName() {
    // The test server trusts local TCP logins, so the user given is the one connected.
    String[] renamed = run("SELECT current_user AS u", "--jdbc-user", "food");
    String[] old = run("SELECT current_user AS u", "--user", "postgres", "--password", "unused");

    assertThat(renamed[0]).as(renamed[2]).isEqualTo("0");
    assertThat(renamed[1].lines()).contains("food");
    assertThat(old[0]).as(old[2]).isEqualTo("0");
    assertThat(old[1].lines()).contains("postgres");
  }
}
