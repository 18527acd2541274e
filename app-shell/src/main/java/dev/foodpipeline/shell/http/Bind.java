package dev.foodpipeline.shell.http;

import com.sun.net.httpserver.HttpServer;
import dev.foodpipeline.shell.Errors;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.function.Function;

/** Binds the JDK's HTTP server of a program's {@code --http-host} and {@code --http-port}. */
public final class Bind {
  private Bind() {}

  /**
   * A server bound to {@code host:port} (0: any free port), not started yet.
   *
   * @param error makes the program's settings error of a message naming the flag: {@code
   *     --http-port 7070 cannot be bound on 127.0.0.1: Address already in use}
   */
  public static HttpServer httpServer(
      String host, int port, int backlog, Function<String, ? extends RuntimeException> error) {
    try {
      return HttpServer.create(new InetSocketAddress(host, port), backlog);
    } catch (IOException | RuntimeException e) {
      throw error.apply(
          String.format(
              "--http-port %d cannot be bound on %s: %s", port, host, Errors.oneLineOf(e)));
    }
  }
}
