package dev.foodpipeline.infra;

import dev.foodpipeline.shell.Converters;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The local stack's PostgreSQL: starts the server (database, user and password {@code food}) on a
 * persistent data directory, prints one "ready" line with the server's pid and exits, leaving the
 * server running on its own: no JVM stays behind it. SIGINT to that pid stops it (fast shutdown).
 *
 * <p>Everything the server needs besides its data lives in a private home folder (owner-only): the
 * unpacked binaries, the Unix socket and the superuser's generated password. TCP clients must give
 * their role's password; the socket trusts its owner.
 */
@Command(
    name = "local-postgres",
    mixinStandardHelpOptions = true,
    version = "local-postgres 1.0.0",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Starts PostgreSQL (database, user and password 'food') on 127.0.0.1, prints 'PostgreSQL"
          + " ready … pid N' and exits; the server keeps running until SIGINT or SIGTERM to N.",
      "The first start unpacks the server binaries into the home folder (about 60 MiB; needs a"
          + " heap of 128 MiB or more).",
      "A flag wins over FOOD_LOCAL_POSTGRES_<FLAG>, that over --config-file, that over the default."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:the server is ready (and runs on)",
      "2:bad flag or setting",
      "6:could not start: the port taken, the data directory in use, the server failed to start",
      "70:internal error (a bug)"
    })
public final class LocalPostgres implements Callable<Integer> {

  /** The longest Unix socket path Linux takes (108 bytes with the terminating NUL). */
  private static final int MAX_SOCKET_PATH = 107;

  @Spec private CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "5432",
      paramLabel = "PORT",
      converter = Converters.Int.class,
      description = "port on 127.0.0.1 (default ${DEFAULT-VALUE})")
  private int port;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      required = true,
      description = "data directory; created on first start, reused after")
  private Path dataDirectory;

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description =
          "private folder for binaries, socket and superuser password (default the data"
              + " directory's name + '-home', beside it)")
  private Path home;

  @Option(
      names = "--server-log",
      paramLabel = "FILE",
      description = "file the server appends its log to (default server.log in the home folder)")
  private Path serverLog;

  @Option(
      names = "--config-file",
      paramLabel = "FILE",
      description =
          "a .properties file of settings: flags without their dashes (port=5433, data-dir=/data/pg)")
  private Path configFile;

  /** Returns once the server is ready (nothing waits for a signal: the server runs on alone). */
  public static void main(String[] args) {
    ShutdownSignal shutdown = ShutdownSignal.manual();
    Commands.main(new LocalPostgres(), shutdown, args);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (Ports.isTaken(PostgresServer.HOST, port)) {
      throw new Commands.StartFailedException(
          String.format(
              "Port %d on %s is already in use: is another PostgreSQL running?",
              port, PostgresServer.HOST));
    }
    Path data = dataDirectory.toAbsolutePath();
    Path privateHome =
        PrivateFolders.ownerOnly(
            home != null
                ? home.toAbsolutePath()
                : data.resolveSibling(data.getFileName() + "-home"));
    Path binaries = privateHome.resolve("binaries");
    Path socket = socketFolder(privateHome);
    Path log = serverLog != null ? serverLog.toAbsolutePath() : privateHome.resolve("server.log");
    // zonky keeps other bookkeeping in this folder (default: under java.io.tmpdir, world-writable).
    System.setProperty("ot.epg.working-dir", binaries.toString());
    if (PrivateFolders.discardIncompleteBinaries(binaries) > 0) {
      out.println("Deleted half-unpacked PostgreSQL binaries in " + binaries + "; unpacking again");
    }
    try {
      Commands.starting(
          "PostgreSQL",
          () ->
              PostgresServer.builder()
                  .port(port)
                  .dataDirectory(data)
                  .binariesDirectory(binaries)
                  .socketDirectory(socket)
                  .detached(log)
                  .superuserPassword(superuserPassword(privateHome.resolve("superuser.password")))
                  .start());
    } catch (OutOfMemoryError e) {
      PrivateFolders.discardIncompleteBinaries(binaries);
      throw new Commands.StartFailedException(
          "Not enough heap to unpack the PostgreSQL binaries: give this JVM -Xmx128m or more", e);
    } catch (RuntimeException | Error e) {
      PrivateFolders.discardIncompleteBinaries(binaries);
      throw e;
    }
    PrivateFolders.ownerOnly(binaries);
    out.printf(
        "PostgreSQL ready on %s:%d (database %s, user %s, data dir %s, socket in %s, pid %d)%n",
        PostgresServer.HOST,
        port,
        PostgresServer.DATABASE,
        PostgresServer.USER,
        data,
        socket,
        postmasterPid(data));
    out.flush();
    return 0;
  }

  /** The server's pid: the first line of {@code postmaster.pid}. */
  static long postmasterPid(Path dataDirectory) {
    try {
      List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
      return Long.parseLong(lines.get(0).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("Couldn't read the server's pid in " + dataDirectory, e);
    }
  }

  /**
   * {@code socket} in the home folder, or a private temporary folder where that path would be too
   * long for a Unix socket.
   */
  private Path socketFolder(Path privateHome) {
    Path socket = privateHome.resolve("socket");
    String socketFile = socket.resolve(".s.PGSQL." + port).toString();
    if (socketFile.getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH) {
      return PrivateFolders.ownerOnly(socket);
    }
    try {
      return Files.createTempDirectory(
          "food-pg-socket-",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (IOException e) {
      throw new UncheckedIOException("Couldn't create a folder for the Unix socket", e);
    }
  }

  /** The superuser's password, generated into {@code file} (owner-only) on the first start. */
  private static String superuserPassword(Path file) {
    try {
      if (!Files.exists(file)) {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, Base64.getUrlEncoder().encodeToString(random));
      }
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("Couldn't read or create the superuser password " + file, e);
    }
  }
}
