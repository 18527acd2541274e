package dev.foodpipeline.streams.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A client on a raw socket that starts a request and then sends one more header byte every {@code
 * paceMs} (never finishing its headers), or with {@code paceMs} 0 connects and sends nothing.
 */
final class SlowClient implements AutoCloseable {
  private static final byte[] START =
      "GET /restaurants/r-1/stats HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.UTF_8);

  private final Socket socket = new Socket();
  private final ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();

  private SlowClient(int port, long paceMs) {
    try {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
      if (paceMs > 0) {
        OutputStream out = socket.getOutputStream();
        out.write(START);
        out.flush();
        pace.scheduleAtFixedRate(this::oneMoreByte, paceMs, paceMs, TimeUnit.MILLISECONDS);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts a request and dribbles its headers, one byte every {@code paceMs}. */
  static SlowClient dribbling(int port, long paceMs) {
    return new SlowClient(port, paceMs);
  }

  /** Connects and sends nothing. */
  static SlowClient holding(int port) {
    return new SlowClient(port, 0);
  }

  private void oneMoreByte() {
    try {
      socket.getOutputStream().write('a');
      socket.getOutputStream().flush();
    } catch (IOException e) {
      pace.shutdown();
    }
  }

  /**
   * Reads until the server closes the connection.
   *
   * @return what the server sent before closing (nothing when it cut the request off)
   * @throws java.net.SocketTimeoutException when it is still open after {@code timeoutMs}
   */
  byte[] readUntilClosed(int timeoutMs) throws IOException {
    socket.setSoTimeout(timeoutMs);
    InputStream in = socket.getInputStream();
    try {
      return in.readAllBytes();
    } catch (java.net.SocketException e) {
      return new byte[0]; // reset by the server: closed as well
    }
  }

  @Override
  public void close() {
    pace.shutdownNow();
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
