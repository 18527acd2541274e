package dev.foodpipeline.connect.healer;

/** One task of one connector, as Connect names it: {@code orders-sink-0}. */
public record TaskId(String connector, int task) {
  @Override
  public String toString() {
    return connector + "-" + task;
  }
}
