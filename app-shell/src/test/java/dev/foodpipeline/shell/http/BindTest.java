package dev.foodpipeline.shell.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

class BindTest {

  @Test
  void portZeroBindsAFreePort() {
    HttpServer server = Bind.httpServer("127.0.0.1", 0, 8, IllegalArgumentException::new);
    try {
      assertThat(server.getAddress().getPort()).isPositive();
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aTakenPortIsTheProgramsErrorNamingTheFlag() {
    HttpServer taken = Bind.httpServer("127.0.0.1", 0, 8, IllegalArgumentException::new);
    int port = taken.getAddress().getPort();
    try {
      assertThatThrownBy(() -> Bind.httpServer("127.0.0.1", port, 8, IllegalStateException::new))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("--http-port " + port + " cannot be bound on 127.0.0.1: ");
    } finally {
      taken.stop(0);
    }
  }
}
