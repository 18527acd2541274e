package dev.foodpipeline.infra;

import static dev.foodpipeline.infra.ProgramRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.shell.ExitCodes;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LocalPostgres's command line on the shell; no server starts here. */
class LocalPostgresTest {

  @TempDir Path directory;

  @Test
  void helpShowsTheFlagsTheirDefaultsExitCodesAndVariables() {
    ProgramRun result = run(new LocalPostgres(), Map.of(), "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains(
            "Usage: local-postgres",
            "--port=PORT",
            "(default 5432)",
            "--data-dir=DIR",
            "Exit codes:",
            "FOOD_LOCAL_POSTGRES_PORT",
            "FOOD_LOCAL_POSTGRES_DATA_DIR");
  }

  @Test
  void anUnknownFlagIsOneLineAndAPointerToHelp() {
    ProgramRun result = run(new LocalPostgres(), Map.of(), "--data-dir", "x", "--datadir");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err().lines().findFirst())
        .hasValue("local-postgres: Unknown option: '--datadir'");
    assertThat(result.err()).contains("Try 'local-postgres --help' for more information.");
  }

  @Test
  void aTakenPortFromItsVariableIsAStartFailure() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      ProgramRun result =
          run(
              new LocalPostgres(),
              Map.of("FOOD_LOCAL_POSTGRES_PORT", String.valueOf(taken.getLocalPort())),
              "--data-dir",
              "unused");

      assertThat(result.exitCode()).isEqualTo(ExitCodes.START_FAILED);
      assertThat(result.err().strip())
          .isEqualTo(
              "local-postgres: Port "
                  + taken.getLocalPort()
                  + " on 127.0.0.1 is already in use: is another PostgreSQL running?");
    }
  }

  @Test
  void readsTheConfigFile() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Path configFile =
          Files.writeString(
              directory.resolve("pg.properties"),
              "port=" + taken.getLocalPort() + "\ndata-dir=unused\n");

      ProgramRun result =
          run(new LocalPostgres(), Map.of(), "--config-file", configFile.toString());

      assertThat(result.exitCode()).isEqualTo(ExitCodes.START_FAILED);
      assertThat(result.err()).contains("Port " + taken.getLocalPort());
    }
  }

  @Test
  void aBadPortNamesWhereItCameFrom() throws Exception {
    ProgramRun fromFlag =
        run(new LocalPostgres(), Map.of(), "--port", "4294967297", "--data-dir", "unused");
    Path configFile = Files.writeString(directory.resolve("pg.properties"), "port=many\n");
    ProgramRun fromFile =
        run(
            new LocalPostgres(),
            Map.of(),
            "--config-file",
            configFile.toString(),
            "--data-dir",
            "unused");

    assertThat(fromFlag.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(fromFlag.err().strip())
        .isEqualTo("local-postgres: --port must be at most 2147483647, got 4294967297");
    assertThat(fromFile.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(fromFile.err().strip())
        .isEqualTo("local-postgres: port in " + configFile + " must be a whole number, got 'many'");
  }
}
