package dev.foodpipeline.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's lifecycle without a working Kafka. */
class StreamsAppTest {
  @TempDir Path stateDir;

  /** A topology without a global table, whose start() does not wait for Kafka. */
  private static Topology plainTopology() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("food-orders").foreach((key, value) -> {});
    return builder.build();
  }

  @Test
  void awaitRunningBeforeStartSaysSo() {
    try (StreamsApp app = new StreamsApp(NoKafka.settings(NoKafka.closedPort(), stateDir))) {
      assertThat(app.state()).isEqualTo(State.CREATED);
      assertThatThrownBy(() -> app.awaitRunning(Duration.ofMillis(10)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("streams-app lonely was not started");
    }
  }

  @Test
  void awaitRunningTimesOutSayingThatKafkaIsUnreachable() {
    StreamsSettings settings = NoKafka.settings(NoKafka.closedPort(), stateDir);
    try (StreamsApp app = new StreamsApp(settings, plainTopology())) {
      app.start();

      assertThatThrownBy(() -> app.awaitRunning(Duration.ofMillis(500)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(
              "streams-app lonely did not reach RUNNING within 500 ms (state REBALANCING, Kafka at "
                  + settings.bootstrapServers()
                  + ": cannot connect to "
                  + settings.bootstrapServers());
      assertThat(app.isRunning()).isFalse();
      assertThat(app.assignment()).isEmpty();
      assertThat(app.close(Duration.ofSeconds(10))).isTrue();
      assertThat(app.state()).isEqualTo(State.NOT_RUNNING);
      assertThatThrownBy(() -> app.awaitRunning(Duration.ofMillis(10)))
          .hasMessage("streams-app lonely stopped in state NOT_RUNNING before it was RUNNING");
    }
  }

  @Test
  void startFailsWhenTheRestaurantsCannotBeLoadedInTime() throws IOException {
    try (ServerSocket silent = new ServerSocket(0);
        StreamsApp app =
            new StreamsApp(NoKafka.settings("127.0.0.1:" + silent.getLocalPort(), stateDir))) {
      assertThatThrownBy(app::start)
          .isInstanceOf(StreamsException.class)
          .hasMessageContaining("GlobalStreamThread");
    }
  }

  @Test
  void brokerProbeTellsReachableFromUnreachable() throws IOException {
    try (ServerSocket listening = new ServerSocket(0)) {
      assertThat(
              BrokerProbe.unreachable(
                  "127.0.0.1:1, 127.0.0.1:" + listening.getLocalPort(), Duration.ofSeconds(1)))
          .isEmpty();
    }
    assertThat(BrokerProbe.unreachable("127.0.0.1:1", Duration.ofSeconds(1)))
        .hasValueSatisfying(
            problem -> assertThat(problem).startsWith("cannot connect to 127.0.0.1:1 ("));
  }
}
