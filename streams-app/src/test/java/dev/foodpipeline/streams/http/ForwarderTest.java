package dev.foodpipeline.streams.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.foodpipeline.infra.Ports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ForwarderTest {
  private final Forwarder forwarder = new Forwarder();

  @Test
  void relaysTheOtherInstancesStatusBodyAndRetryAfter() throws IOException {
    HttpServer other =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    other.createContext(
        "/",
        exchange -> {
          byte[] body =
              ("{\"path\":\"" + exchange.getRequestURI() + "\"}").getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Retry-After", "1");
          exchange.sendResponseHeaders(503, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    other.start();
    try {
      Response response =
          forwarder.get(
              "127.0.0.1:" + other.getAddress().getPort(), "/restaurants/r-1/stats?local=true");

      assertThat(response.status()).isEqualTo(503);
      assertThat(new String((byte[]) response.body(), StandardCharsets.UTF_8))
          .isEqualTo("{\"path\":\"/restaurants/r-1/stats?local=true\"}");
      assertThat(response.headers()).containsEntry("Retry-After", "1");
    } finally {
      other.stop(0);
    }
  }

  @Test
  void anInstanceThatDoesNotAnswerIsA502NamingIt() throws IOException {
    int closed = Ports.free();

    Response response = forwarder.get("127.0.0.1:" + closed, "/restaurants/r-1/stats?local=true");

    assertThat(response.status()).isEqualTo(502);
    assertThat(response.body().toString())
        .contains("the instance at 127.0.0.1:" + closed + " did not answer: ConnectException");
  }

  @Test
  void anOwnerThatAnswersMoreThanTheCapIsA502AndItsBodyIsNotBuffered() throws IOException {
    HttpServer other =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    other.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          byte[] chunk = new byte[8192];
          try (var out = exchange.getResponseBody()) {
            for (int i = 0; i < 256; i++) {
              out.write(chunk);
            }
          } catch (IOException e) {
            // the forwarder hung up, as it should
          }
        });
    other.start();
    try {
      Forwarder capped = new Forwarder(Duration.ofSeconds(5), 64 * 1024);

      Response response =
          capped.get("127.0.0.1:" + other.getAddress().getPort(), "/restaurants/r-1/stats");

      assertThat(response.status()).isEqualTo(502);
      assertThat(response.body().toString())
          .contains("did not answer: TooLarge: the body is longer than 65536 bytes");
    } finally {
      other.stop(0);
    }
  }

  @Test
  void anOwnerThatAcceptsButNeverAnswersIsA502AtTheDeadline() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Forwarder quick = new Forwarder(Duration.ofMillis(500), 1024);

      long started = System.nanoTime();
      Response response = quick.get("127.0.0.1:" + silent.getLocalPort(), "/restaurants/r-1/stats");
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(response.status()).isEqualTo(502);
      assertThat(response.body().toString())
          .contains("the instance at 127.0.0.1:" + silent.getLocalPort() + " did not answer");
      assertThat(took).isBetween(Duration.ofMillis(400), Duration.ofSeconds(3));
    }
  }
}
