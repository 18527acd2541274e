package dev.foodpipeline.connect.healer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestTaskRestarterTest {
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger status = new AtomicInteger(204);
  private HttpServer server;
  private URI baseUrl;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
          byte[] body = status.get() == 204 ? new byte[0] : "{\"message\":\"busy\"}".getBytes();
          exchange.sendResponseHeaders(status.get(), body.length == 0 ? -1 : body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void postsTheTaskRestartOfConnectsRestApi() throws Exception {
    new RestTaskRestarter(baseUrl).restart("orders sink", 2);

    assertThat(requests).containsExactly("POST /connectors/orders%20sink/tasks/2/restart");
  }

  @Test
  void aRefusalIsAnErrorWithTheAnswer() {
    status.set(409);

    assertThatThrownBy(() -> new RestTaskRestarter(baseUrl).restart("orders-sink", 0))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("409")
        .hasMessageContaining("busy");
    assertThat(new RestTaskRestarter(baseUrl).toString()).contains(baseUrl.toString());
  }
}
