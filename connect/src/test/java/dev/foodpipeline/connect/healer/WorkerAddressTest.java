package dev.foodpipeline.connect.healer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkerAddressTest {

  @Test
  void theLocalStackWorkerIsItsListener() {
    WorkerAddress address =
        WorkerAddress.from(
            Map.of(
                "listeners", "http://127.0.0.1:8083",
                "rest.advertised.host.name", "127.0.0.1",
                "rest.advertised.port", "8083"));

    assertThat(address.restUrl()).isEqualTo(URI.create("http://127.0.0.1:8083/"));
    assertThat(address.workerId()).contains("127.0.0.1:8083");
  }

  @Test
  void composeCallsItselfOnTheLoopbackAndIsKnownByItsAdvertisedName() {
    WorkerAddress address =
        WorkerAddress.from(
            Map.of(
                "listeners", "http://0.0.0.0:8083",
                "rest.advertised.host.name", "connect",
                "rest.advertised.port", "8083"));

    assertThat(address.restUrl()).isEqualTo(URI.create("http://127.0.0.1:8083/"));
    assertThat(address.workerId()).contains("connect:8083");
  }

  @Test
  void aListenerOnPortZeroLeavesTheIdUnknown() {
    WorkerAddress address = WorkerAddress.from(Map.of("listeners", "http://127.0.0.1:0"));

    assertThat(address.workerId()).isEqualTo(Optional.empty());
  }

  @Test
  void withoutListenersItIsKafkasDefaultPort() {
    WorkerAddress address = WorkerAddress.from(Map.of());

    assertThat(address.restUrl()).isEqualTo(URI.create("http://127.0.0.1:8083/"));
    assertThat(address.workerId()).isEmpty();
  }

  @Test
  void anHttpsListenerFirstIsRefusedPlainly() {
    assertThatThrownBy(() -> WorkerAddress.from(Map.of("listeners", "https://0.0.0.0:8443")))
        .hasMessageContaining("http listener first")
        .hasMessageContaining("https://0.0.0.0:8443");
  }
}
