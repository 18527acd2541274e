package dev.foodpipeline.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class StreamsAppOwnersTest {
  private record Metadata(
      String host,
      int port,
      Set<TopicPartition> topicPartitions,
      Set<TopicPartition> standbyTopicPartitions)
      implements StreamsMetadata {
    @Override
    public HostInfo hostInfo() {
      return new HostInfo(host, port);
    }

    @Override
    public Set<String> stateStoreNames() {
      return Set.of();
    }

    @Override
    public Set<String> standbyStateStoreNames() {
      return Set.of();
    }
  }

  private static TopicPartition orders(int partition) {
    return new TopicPartition("food-orders", partition);
  }

  @Test
  void oneLineNamesTheOwnerOfEveryOrdersPartition() {
    var a =
        new Metadata(
            "127.0.0.1",
            7070,
            Set.of(orders(0), orders(2), new TopicPartition("other", 0)),
            Set.of(orders(1)));
    var b = new Metadata("127.0.0.1", 7071, Set.of(orders(1)), Set.of());

    assertThat(StreamsApp.inputOwners(List.of(a, b)))
        .isEqualTo(
            "food-orders-0 → 127.0.0.1:7070, food-orders-1 → 127.0.0.1:7071 (standby 127.0.0.1:7070),"
                + " food-orders-2 → 127.0.0.1:7070");
    assertThat(StreamsApp.inputOwners(List.of())).isEmpty();
  }
}
