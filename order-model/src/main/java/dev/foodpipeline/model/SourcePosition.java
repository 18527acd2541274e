package dev.foodpipeline.model;

import java.util.Objects;

/** Where an input record came from: topic, partition and offset. */
public record SourcePosition(String topic, int partition, long offset) {
  public SourcePosition {
    Objects.requireNonNull(topic, "topic");
  }

  @Override
  public String toString() {
    return topic + "-" + partition + "@" + offset;
  }
}
