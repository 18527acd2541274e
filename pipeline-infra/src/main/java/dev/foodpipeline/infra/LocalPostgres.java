package dev.foodpipeline.infra;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The local stack's PostgreSQL: a process that starts the embedded server with database, user and
 * password {@code food} on a persistent data directory, prints one "ready" line and runs until
 * SIGTERM.
 */
@Command(
    name = "local-postgres",
    mixinStandardHelpOptions = true,
    description =
        "Runs PostgreSQL (database, user and password 'food') on 127.0.0.1 until SIGTERM.")
public final class LocalPostgres implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "5432",
      description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(
      names = "--data-dir",
      required = true,
      description = "Data directory; created on first start, reused after.")
  private Path dataDirectory;

  private final ShutdownSignal shutdown;

  LocalPostgres(ShutdownSignal shutdown) {
    this.shutdown = shutdown;
  }

  public static void main(String[] args) {
    ShutdownSignal shutdown = ShutdownSignal.onJvmShutdown();
    Commands.main(new LocalPostgres(shutdown), shutdown, args);
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (Ports.isTaken(PostgresServer.HOST, port)) {
      err.printf(
          "Port %d on %s is already in use: is another PostgreSQL running?%n",
          port, PostgresServer.HOST);
      err.flush();
      return 1;
    }
    try (PostgresServer postgres =
        PostgresServer.builder().port(port).dataDirectory(dataDirectory).start()) {
      out.printf(
          "PostgreSQL ready on %s:%d (database %s, user %s, data dir %s)%n",
          PostgresServer.HOST,
          postgres.port(),
          PostgresServer.DATABASE,
          postgres.user(),
          dataDirectory.toAbsolutePath());
      out.flush();
      shutdown.awaitStopRequest();
    }
    out.println("PostgreSQL stopped");
    out.flush();
    return 0;
  }
}
