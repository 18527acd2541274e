package dev.foodpipeline.infra;

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
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectWorkerHealthTest {

  private HttpServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void waitsWhileTheWorkerIsStillStarting() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    String url = serve(() -> calls.incrementAndGet() <= 2 ? 503 : 200);

    assertThatCode(() -> ConnectWorker.awaitHealthy(url, Duration.ofSeconds(30)))
        .doesNotThrowAnyException();
    assertThat(calls).hasValue(3);
  }

  @Test
  void givesUpNamingTheLastAnswer() throws IOException {
    String url = serve(() -> 503);

    assertThatThrownBy(() -> ConnectWorker.awaitHealthy(url, Duration.ofMillis(500)))
        .hasMessageStartingWith("Kafka Connect at " + url + " not healthy after 500 ms")
        .hasMessageEndingWith("last answer: 503 starting");
  }

  @Test
  void givesUpOnAPortNobodyListensOn() {
    String url = "http://127.0.0.1:" + Ports.free() + "/";

    assertThatThrownBy(() -> ConnectWorker.awaitHealthy(url, Duration.ofMillis(300)))
        .hasMessageContaining("last answer: java.net.ConnectException");
  }

  private String serve(IntSupplier status) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/health",
        exchange -> {
          int code = status.getAsInt();
          byte[] body =
              (code == 200 ? "{\"status\":\"healthy\"}" : "starting")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(code, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }
}
