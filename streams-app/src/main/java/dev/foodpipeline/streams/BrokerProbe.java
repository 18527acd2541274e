package dev.foodpipeline.streams;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Says in one line whether any bootstrap server accepts a TCP connection: the plain answer to "why
 * is the app not running?" when Kafka is down, without a Kafka client's noise.
 */
final class BrokerProbe {
  private BrokerProbe() {}

  /** Empty when one of the servers accepts a connection; else what went wrong with each. */
  static Optional<String> unreachable(String bootstrapServers, Duration timeout) {
    List<String> problems = new ArrayList<>();
    for (String server : bootstrapServers.split(",")) {
      String hostPort = server.trim();
      int colon = hostPort.lastIndexOf(':');
      try (Socket socket = new Socket()) {
        socket.connect(
            new InetSocketAddress(
                hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))),
            (int) timeout.toMillis());
        return Optional.empty();
      } catch (IOException | RuntimeException e) {
        problems.add(
            hostPort
                + " ("
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                + ")");
      }
    }
    return Optional.of("cannot connect to " + String.join(", ", problems));
  }
}
