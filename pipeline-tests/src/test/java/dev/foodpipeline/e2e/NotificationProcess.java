package dev.foodpipeline.e2e;

import dev.foodpipeline.infra.Ports;
import dev.foodpipeline.infra.stack.Component;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The notification service as the local stack runs it: its jar in a JVM of its own, with the local
 * stack's JVM flags for it ({@code notifications.jvm}), on a free port, ready when the stack's
 * check ({@code GET /ready}) answers 200. A process rather than an object in this JVM, so that a
 * test can kill it with SIGKILL ({@link #kill()}) and start it again on the same state directory
 * and port ({@link #restart()}): a crash, not a clean close.
 */
final class NotificationProcess implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  private final Component component;
  private final Path jar;
  private final List<String> arguments;
  private final Path log;
  private final int port;
  private Process process;

  private NotificationProcess(Component component, Path jar, List<String> arguments, int port)
      throws IOException {
    this.component = component;
    this.jar = jar;
    this.arguments = List.copyOf(arguments);
    this.port = port;
    this.log = Files.createTempFile("e2e-notifications", ".log");
  }

  /**
   * Starts the service against {@code bootstrapServers} and waits until it is ready.
   *
   * @param extra more flags of the service (e.g. its kitchen capacity settings)
   */
  static NotificationProcess start(
      Component component, Path jar, String bootstrapServers, String... extra) throws IOException {
    int port = Ports.free();
    List<String> arguments = new ArrayList<>();
    arguments.addAll(
        List.of(
            "--bootstrap-servers",
            bootstrapServers,
            "--http-port",
            Integer.toString(port),
            "--state-dir",
            Files.createTempDirectory("e2e-notifications").toString()));
    arguments.addAll(List.of(extra));
    NotificationProcess service = new NotificationProcess(component, jar, arguments, port);
    service.launch();
    return service;
  }

  private void launch() throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(component.jvm());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(arguments);
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    try {
      component.httpCheck().await("notification-service", url(), READY_TIMEOUT);
    } catch (IllegalStateException e) {
      throw new IllegalStateException(e.getMessage() + "; its log: " + tail(), e);
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** SIGKILL: no shutdown hook runs, no transaction is committed or aborted by the service. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the notification service did not die of SIGKILL");
    }
  }

  /** Starts it again on the same port and state directory, and waits until it is ready. */
  void restart() throws IOException {
    launch();
  }

  /** The end of its log, for failure messages. */
  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(log " + log + " unreadable: " + e + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Override
  public String toString() {
    return "notification-service at " + url();
  }
}
