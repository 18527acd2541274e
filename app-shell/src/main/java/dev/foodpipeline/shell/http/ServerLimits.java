package dev.foodpipeline.shell.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JDK HTTP server's own limits, for the HTTP servers of the pipeline's programs (streams-app,
 * notification-service). {@code com.sun.net.httpserver} (JDK 17.0.15 read) takes them from system
 * properties once per JVM, when its first server is created; this class sets the ones not given
 * with {@code -D} before {@link HttpApi} creates its server, so an operator's {@code -D} wins. A
 * server created earlier in the same JVM by other code fixes them for the whole JVM. A server that
 * streams long responses (server-sent events) takes {@link #STREAMING}: the same limits without
 * {@code maxRspTime}, which would cut every stream after 10 s.
 *
 * <ul>
 *   <li>{@code sun.net.httpserver.maxReqTime} 5 s: from a request's first byte until its request
 *       line and headers are read, after which the connection is closed. The server reads them with
 *       blocking I/O on a thread of its executor, so this is how long a client that dribbles its
 *       headers can hold one of {@link HttpApi}'s connection threads;
 *   <li>{@code sun.net.httpserver.maxRspTime} 10 s: from the end of the request until the response
 *       is written (a forward's 3 s deadline and a queued request fit in it);
 *   <li>{@code sun.net.httpserver.idleInterval} 10 s: a connection that sends nothing (just
 *       connected, or kept alive between requests) is closed after this;
 *   <li>{@code sun.net.httpserver.clockTick} 1000 ms and {@code sun.net.httpserver.timerMillis} 250
 *       ms: how often the idle and the request/response timers look;
 *   <li>{@code sun.net.httpserver.maxReqHeaderSize} 16 KiB of request line and headers;
 *   <li>{@code jdk.httpserver.maxConnections} 256 open connections, idle ones included; a further
 *       connection is closed at once (this caps the file descriptors clients can take from Kafka).
 * </ul>
 */
public final class ServerLimits {
  public static final int MAX_REQUEST_SECONDS = 5;
  public static final int MAX_RESPONSE_SECONDS = 10;
  public static final int IDLE_SECONDS = 10;
  public static final int MAX_CONNECTIONS = 256;

  static final String MAX_RESPONSE_TIME = "sun.net.httpserver.maxRspTime";

  /** Every limit above. */
  public static final Map<String, String> DEFAULTS = defaults();

  /** Every limit but the response time: for a server whose responses are streams. */
  public static final Map<String, String> STREAMING = streaming();

  private ServerLimits() {}

  private static Map<String, String> defaults() {
    Map<String, String> limits = new LinkedHashMap<>();
    limits.put("sun.net.httpserver.maxReqTime", String.valueOf(MAX_REQUEST_SECONDS));
    limits.put(MAX_RESPONSE_TIME, String.valueOf(MAX_RESPONSE_SECONDS));
    limits.put("sun.net.httpserver.idleInterval", String.valueOf(IDLE_SECONDS));
    limits.put("sun.net.httpserver.clockTick", "1000");
    limits.put("sun.net.httpserver.timerMillis", "250");
    limits.put("sun.net.httpserver.maxReqHeaderSize", String.valueOf(16 * 1024));
    limits.put("jdk.httpserver.maxConnections", String.valueOf(MAX_CONNECTIONS));
    return Map.copyOf(limits);
  }

  private static Map<String, String> streaming() {
    Map<String, String> limits = new LinkedHashMap<>(defaults());
    limits.remove(MAX_RESPONSE_TIME);
    return Map.copyOf(limits);
  }

  /** {@link #apply(Map)} of {@link #DEFAULTS}. */
  public static Map<String, String> apply() {
    return apply(DEFAULTS);
  }

  /**
   * Sets each of {@code limits} not set yet as a system property.
   *
   * @return every limit as it now stands (the operator's value where one was given)
   */
  public static synchronized Map<String, String> apply(Map<String, String> limits) {
    Map<String, String> effective = new LinkedHashMap<>();
    limits.forEach(
        (name, value) -> {
          if (System.getProperty(name) == null) {
            System.setProperty(name, value);
          }
          effective.put(name, System.getProperty(name));
        });
    return effective;
  }
}
