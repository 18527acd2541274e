package dev.foodpipeline.streams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.foodpipeline.infra.KafkaBroker;
import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.RejectedOrder;
import dev.foodpipeline.model.topics.Topics;
import dev.foodpipeline.streams.StreamsApp;
import dev.foodpipeline.streams.StreamsSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractMap.SimpleEntry;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deserialization handler on a real broker (the TopologyTestDriver does not send a
 * deserialization handler's dead-letter records): an input whose value cannot be deserialized
 * becomes a PROCESSING_ERROR rejection, committed with the task's transaction, and the next input
 * flows.
 */
class DeserializationHandlerIT {
  @TempDir Path stateDir;

  @Test
  void anUndeserializableInputBecomesARejectionAndTheNextFlows() throws Exception {
    try (KafkaBroker broker = KafkaBroker.start();
        PipelineTopics topics = new PipelineTopics(broker.bootstrapServers())) {
      topics.create();
      Deserializer<String> strict =
          (topic, data) -> {
            if (data[0] == '!') {
              throw new SerializationException("unreadable");
            }
            return new String(data, StandardCharsets.UTF_8);
          };
      StreamsBuilder builder = new StreamsBuilder();
      builder.stream(
              Topics.FOOD_ORDERS.name(),
              Consumed.with(Serdes.String(), Serdes.serdeFrom(new StringSerializer(), strict)))
          .to(Topics.FOOD_ORDER_ITEMS.name(), Produced.with(Serdes.String(), Serdes.String()));
      StreamsSettings settings =
          StreamsSettings.builder()
              .flag("--bootstrap-servers", broker.bootstrapServers())
              .flag("--instance-id", "deser")
              .flag("--state-dir", stateDir)
              .flag("--threads", 1)
              .flag("--http-port", 0)
              .build();

      try (StreamsApp app = new StreamsApp(settings, builder.build())) {
        app.start();
        topics.sendOrders(
            List.of(
                new SimpleEntry<>("o-1", "!bad".getBytes(StandardCharsets.UTF_8)),
                new SimpleEntry<>("o-2", "good".getBytes(StandardCharsets.UTF_8))));
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> topics.allInputCommitted(StreamsSettings.DEFAULT_APPLICATION_ID));

        List<RejectedOrder> rejected = topics.rejected();
        assertThat(rejected)
            .extracting(RejectedOrder::orderId, RejectedOrder::reasonCode, RejectedOrder::raw)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple("o-1", ReasonCode.PROCESSING_ERROR, "!bad"));
        assertThat(rejected.get(0).reason()).startsWith("deserialization failed:");
      }
    }
  }
}
