package dev.foodpipeline.streams.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.foodpipeline.infra.Ports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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
}
