package dev.foodpipeline.streams.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foodpipeline.model.topics.Topics;
import dev.foodpipeline.streams.StreamsSettings;
import dev.foodpipeline.streams.topology.TopologySettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

class PassThroughTest {
  @Test
  void copiesEveryRecordAsItsBytesIncludingOnesThePipelineWouldReject() {
    Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "pass-through-test");
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    try (TopologyTestDriver driver =
        new TopologyTestDriver(PassThrough.build("bench-copy", 1), properties)) {
      var in =
          driver.createInputTopic(
              Topics.FOOD_ORDERS.name(), new ByteArraySerializer(), new ByteArraySerializer());
      var out =
          driver.createOutputTopic(
              "bench-copy", new ByteArrayDeserializer(), new ByteArrayDeserializer());
      in.pipeInput(bytes("o-1"), bytes("{\"orderId\":\"o-1\"}"));
      in.pipeInput(bytes("o-2"), new byte[] {(byte) 0xff, 0x00});
      var copied = out.readKeyValuesToList();
      assertThat(copied).hasSize(2);
      assertThat(copied.get(0).value).isEqualTo(bytes("{\"orderId\":\"o-1\"}"));
      assertThat(copied.get(1).key).isEqualTo(bytes("o-2"));
      assertThat(copied.get(1).value).isEqualTo(new byte[] {(byte) 0xff, 0x00});
    }
  }

  @Test
  void takesTheStreamsAppsGuaranteeAndCommits() {
    var settings =
        PassThrough.Settings.parse(List.of("127.0.0.1:9092", "bench-pass", "2", "/tmp/x", "copy"));
    Properties properties = settings.streamsProperties("bench-pass");
    assertThat(properties.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
        .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    assertThat(properties.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
        .isEqualTo(Long.toString(StreamsSettings.DEFAULT_COMMIT_INTERVAL.toMillis()));
    assertThat(settings.commitAfterRecords())
        .isEqualTo(TopologySettings.DEFAULT_COMMIT_AFTER_RECORDS);
    assertThat(properties.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo("2");
  }

  @Test
  void refusesAWrongThreadCountOrArgumentCount() {
    assertThatThrownBy(() -> PassThrough.Settings.parse(List.of("b", "a", "0", "/tmp/x", "t")))
        .hasMessageContaining("THREADS must be a whole number >= 1, got 0");
    assertThatThrownBy(() -> PassThrough.Settings.parse(List.of("b")))
        .hasMessage(PassThrough.USAGE);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
