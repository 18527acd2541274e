package dev.foodpipeline.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ListenersTest {

  @Test
  void parsesEachListenerByName() {
    Map<String, Listeners.Endpoint> endpoints =
        Listeners.parse("PLAINTEXT://127.0.0.1:9092, CONTROLLER_1://localhost:9093,");

    assertThat(endpoints).containsOnlyKeys("PLAINTEXT", "CONTROLLER_1");
    assertThat(endpoints.get("PLAINTEXT").hostPort()).isEqualTo("127.0.0.1:9092");
    assertThat(endpoints.get("CONTROLLER_1"))
        .isEqualTo(new Listeners.Endpoint("CONTROLLER_1", "localhost", 9093));
  }

  @Test
  void rejectsAListenerWithoutPort() {
    assertThatThrownBy(() -> Listeners.parse("PLAINTEXT://127.0.0.1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PLAINTEXT://127.0.0.1");
  }

  @Test
  void rejectsANonNumericPort() {
    assertThatThrownBy(() -> Listeners.parse("PLAINTEXT://host:ninety"))
        .hasMessageContaining("no numeric port");
  }
}
