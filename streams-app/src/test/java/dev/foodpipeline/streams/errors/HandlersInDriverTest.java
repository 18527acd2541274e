package dev.foodpipeline.streams.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.RejectedOrder;
import dev.foodpipeline.model.RejectionKey;
import dev.foodpipeline.model.topics.Topics;
import dev.foodpipeline.streams.StreamsSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processing and production exception handlers as the app configures them (its own Streams
 * properties), inside a running topology: each failing input becomes a PROCESSING_ERROR rejection
 * of that input in food-orders-rejected, and the next input flows. The order topology itself never
 * gets there (its processors catch per record, its serdes do not fail), hence these small
 * topologies that do. The deserialization handler is tested on a real broker ({@code
 * DeserializationHandlerIT}): the TopologyTestDriver does not send its dead-letter records.
 */
class HandlersInDriverTest {
  private static final String OUT = "out";

  @TempDir Path stateDir;

  private TopologyTestDriver driver(Topology topology) {
    Properties properties =
        StreamsSettings.builder()
            .flag("--instance-id", "ttd")
            .flag("--state-dir", stateDir)
            .build()
            .toProperties();
    return new TopologyTestDriver(topology, properties);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static List<RejectedOrder> rejections(TopologyTestDriver driver) {
    TestOutputTopic<RejectionKey, RejectedOrder> rejected =
        driver.createOutputTopic(
            Topics.FOOD_ORDERS_REJECTED.name(),
            Topics.FOOD_ORDERS_REJECTED.keySerde().deserializer(),
            Topics.FOOD_ORDERS_REJECTED.valueSerde().deserializer());
    return rejected.readValuesToList();
  }

  @Test
  void aProcessorThatThrowsRejectsThatInputAndTheNextFlows() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(Topics.FOOD_ORDERS.name(), Consumed.with(Serdes.String(), Serdes.String()))
        .mapValues(
            value -> {
              if (value.equals("boom")) {
                throw new IllegalStateException("cannot map " + value);
              }
              return value.toUpperCase();
            },
            Named.as("explode"))
        .to(OUT, Produced.with(Serdes.String(), Serdes.String()));

    try (TopologyTestDriver driver = driver(builder.build())) {
      TestInputTopic<String, String> in =
          driver.createInputTopic(
              Topics.FOOD_ORDERS.name(), new StringSerializer(), new StringSerializer());
      in.pipeInput("o-1", "boom");
      in.pipeInput("o-2", "fine");

      assertThat(
              driver
                  .createOutputTopic(OUT, new StringDeserializer(), new StringDeserializer())
                  .readKeyValuesToList())
          .containsExactly(KeyValue.pair("o-2", "FINE"));
      List<RejectedOrder> rejected = rejections(driver);
      assertThat(rejected).hasSize(1);
      assertThat(rejected.get(0).reasonCode()).isEqualTo(ReasonCode.PROCESSING_ERROR);
      assertThat(rejected.get(0).orderId()).isEqualTo("o-1");
      assertThat(rejected.get(0).raw()).isEqualTo("boom");
      assertThat(rejected.get(0).sourceOffset()).isZero();
      assertThat(rejected.get(0).reason())
          .isEqualTo(
              "processor explode failed: unexpected java.lang.IllegalStateException: cannot map boom");
    }
  }

  @Test
  void anOutputThatCannotBeSerializedRejectsItsInputAndTheNextFlows() {
    Serializer<String> picky =
        (topic, data) -> {
          if (data.contains("unwritable")) {
            throw new SerializationException("cannot write " + data);
          }
          return bytes(data);
        };
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(Topics.FOOD_ORDERS.name(), Consumed.with(Serdes.String(), Serdes.String()))
        .to(OUT, Produced.with(Serdes.String(), Serdes.serdeFrom(picky, new StringDeserializer())));

    try (TopologyTestDriver driver = driver(builder.build())) {
      TestInputTopic<String, String> in =
          driver.createInputTopic(
              Topics.FOOD_ORDERS.name(), new StringSerializer(), new StringSerializer());
      in.pipeInput("o-1", "unwritable");
      in.pipeInput("o-2", "writable");

      assertThat(
              driver
                  .createOutputTopic(OUT, new StringDeserializer(), new StringDeserializer())
                  .readValuesToList())
          .containsExactly("writable");
      List<RejectedOrder> rejected = rejections(driver);
      assertThat(rejected).extracting(RejectedOrder::orderId).containsExactly("o-1");
      assertThat(rejected.get(0).reason()).startsWith("serializing the value for out failed:");
    }
  }
}
