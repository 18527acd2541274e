package dev.foodpipeline.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpOkTest {

  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void waitsForTheDescribedPathToAnswer200() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    String url = serve("/ready", () -> calls.incrementAndGet() <= 1 ? 503 : 200);

    assertThatCode(() -> new Readiness.HttpOk("/ready").await("web", url, Duration.ofSeconds(30)))
        .doesNotThrowAnyException();
    assertThat(calls).hasValue(2);
  }

  @Test
  void anotherPathAnsweringIsNotReady() throws IOException {
    String url = serve("/health", () -> 200);

    assertThatThrownBy(
            () -> new Readiness.HttpOk("/ready").await("web", url, Duration.ofMillis(400)))
        .hasMessageStartingWith("web at " + url + " not healthy after 400 ms (GET /ready)")
        .hasMessageContaining("last answer: 404");
  }

  private String serve(String path, java.util.function.IntSupplier status) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        path,
        exchange -> {
          byte[] body = "x".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status.getAsInt(), body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }
}
