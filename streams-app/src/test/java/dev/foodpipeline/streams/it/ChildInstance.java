package dev.foodpipeline.streams.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The app as a separate JVM, started the way the jar runs ({@code Main}), so that a test can kill
 * it for real: {@link #kill()} is {@code kill -9} (no shutdown hook, no commit, no leaving the
 * group, no closing of the transaction). Runs the shaded {@code target/streams-app.jar} when the
 * build has made it (failsafe runs after {@code package}), else the test class path. Its output
 * goes to {@code target/<name>.log}.
 */
final class ChildInstance implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final int httpPort;

  private ChildInstance(Process process, Path log, int httpPort) {
    this.process = process;
    this.log = log;
    this.httpPort = httpPort;
  }

  /** Starts {@code java ... Main args} with {@code --http-port httpPort} appended. */
  static ChildInstance start(String name, int httpPort, List<String> args) {
    Path jar = Path.of("target", "streams-app.jar");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx128m");
    command.add("-XX:+UseSerialGC");
    if (Files.isRegularFile(jar)) {
      command.add("-jar");
      command.add(jar.toString());
    } else {
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add("dev.foodpipeline.streams.Main");
    }
    command.addAll(args);
    command.add("--http-port");
    command.add(Integer.toString(httpPort));
    Path log = Path.of("target", name + ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      return new ChildInstance(process, log, httpPort);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + String.join(" ", command), e);
    }
  }

  String url() {
    return "http://127.0.0.1:" + httpPort;
  }

  String server() {
    return "127.0.0.1:" + httpPort;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** {@code kill -9}: the JVM stops at once. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the child JVM did not die within 10 s of SIGKILL");
    }
  }

  /** The last lines of its output, for a failure message. */
  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join(
          System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  File logFile() {
    return log.toFile();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
