package dev.foodpipeline.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** TCP ports on the loopback interface: pick a free one, or tell whether one is taken. */
public final class Ports {

  private Ports() {}

  /** A port that was free a moment ago (another process may still take it before we bind). */
  public static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Couldn't find a free port on 127.0.0.1", e);
    }
  }

  /** Whether something already listens on {@code host:port} (we try to bind it ourselves). */
  static boolean isTaken(String host, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host, port), 1);
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
