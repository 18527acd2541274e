package dev.foodpipeline.infra;

import static dev.foodpipeline.infra.ProgramRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.shell.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SqlQuery's command line on the shell; the database is a free port nobody listens on. */
class SqlQueryTest {

  @TempDir Path directory;

  private static ProgramRun sql(Map<String, String> env, String... args) {
    return run(SqlQuery.commandLine(env), args);
  }

  @Test
  void versionNamesTheProgram() {
    ProgramRun result = sql(Map.of(), "--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().trim()).isEqualTo("sql 1.0.0");
  }

  @Test
  void helpShowsTheFlagsTheirDefaultsExitCodesAndTheSharedVariables() {
    ProgramRun result = sql(Map.of(), "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains(
            "Usage: sql",
            "--jdbc-url=URL",
            "--jdbc-user=USER",
            "--jdbc-password=PASSWORD",
            "(default food)",
            "5    PostgreSQL unreachable",
            "FOOD_SQL_JDBC_URL",
            "then FOOD_JDBC_URL",
            "then FOOD_DB_USER",
            "then FOOD_DB_PASSWORD")
        .doesNotContain("--user", "--password=");
  }

  @Test
  void anUnknownFlagIsOneLineAndAPointerToHelp() {
    ProgramRun result = sql(Map.of(), "--url", "SELECT 1");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err().lines().findFirst()).hasValue("Unknown option: '--url'");
    assertThat(result.err()).contains("Try 'sql --help' for more information.");
  }

  @Test
  void anUnreachableDatabaseFromTheSharedVariableIsADatabaseError() {
    String url = "jdbc:postgresql://127.0.0.1:" + Ports.free() + "/food?connectTimeout=5";

    ProgramRun result = sql(Map.of("FOOD_JDBC_URL", url), "--user", "food", "SELECT 1");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.DATABASE_ERROR);
    assertThat(result.err()).startsWith("SQL failed at " + url + ": ");
    assertThat(result.err().lines()).hasSize(1);
  }

  @Test
  void readsTheConfigFile() throws Exception {
    String url = "jdbc:postgresql://127.0.0.1:" + Ports.free() + "/food";
    Path configFile =
        Files.writeString(
            directory.resolve("sql.properties"), "jdbc-url=" + url + "\njdbc-password=x\n");

    ProgramRun result = sql(Map.of(), "--config-file", configFile.toString(), "SELECT 1");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.DATABASE_ERROR);
    assertThat(result.err()).startsWith("SQL failed at " + url + ": ");
  }
}
