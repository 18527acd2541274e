package dev.foodpipeline.dashboard.collect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectCollectorTest {
  @Test
  void aTracesFirstLineIsItsException() {
    assertThat(
            ConnectCollector.firstLine(
                "org.apache.kafka.connect.errors.ConnectException: db down\n\tat x.y(Z.java:1)"))
        .isEqualTo("org.apache.kafka.connect.errors.ConnectException: db down");
    assertThat(ConnectCollector.firstLine(null)).isNull();
    assertThat(ConnectCollector.firstLine(" ")).isNull();
  }
}
