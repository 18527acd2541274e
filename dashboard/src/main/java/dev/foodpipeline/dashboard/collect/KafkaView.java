package dev.foodpipeline.dashboard.collect;

import java.util.List;

/**
 * Kafka's side of the picture: each pipeline topic's end offset and how fast it grows, and each
 * consumer group's lag on each topic it reads.
 */
public record KafkaView(List<TopicRate> topics, List<GroupLag> groups) {

  /**
   * A topic: the sum of its partitions' end offsets, and records per second since the last poll.
   */
  public record TopicRate(String topic, int partitions, long endOffset, double perSecond) {}

  /** A group's lag on one topic: end offsets minus committed offsets, summed over partitions. */
  public record GroupLag(String group, String topic, long lag) {}
}
