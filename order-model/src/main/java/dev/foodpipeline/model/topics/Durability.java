package dev.foodpipeline.model.topics;

/**
 * How many copies of each partition the pipeline's topics keep, and how many must have a write
 * before a producer with {@code acks=all} is told it succeeded: derived from the size of the
 * cluster, so the same code is right on one broker and on many.
 *
 * @param replicationFactor copies of each partition
 * @param minInsyncReplicas the topic's {@code min.insync.replicas}
 */
public record Durability(short replicationFactor, int minInsyncReplicas) {

  /** More copies than this cost disk and network and buy nothing a pipeline like this needs. */
  public static final int MAX_REPLICATION_FACTOR = 3;

  public Durability {
    if (replicationFactor < 1) {
      throw new IllegalArgumentException(
          "replication factor must be 1 or more, was " + replicationFactor);
    }
    if (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
      throw new IllegalArgumentException(
          "min.insync.replicas must be between 1 and the replication factor "
              + replicationFactor
              + ", was "
              + minInsyncReplicas);
    }
  }

  /**
   * For a cluster of {@code brokers}: replication factor {@code min(3, brokers)} and {@code
   * min.insync.replicas} one less than that (but at least 1), so that one broker can be down and
   * writes go on, and an acknowledged write is on two brokers whenever there are two or more.
   */
  public static Durability forBrokers(int brokers) {
    if (brokers < 1) {
      throw new IllegalArgumentException("a cluster has 1 broker or more, was " + brokers);
    }
    return withReplicationFactor((short) Math.min(MAX_REPLICATION_FACTOR, brokers));
  }

  /** A replication factor chosen by hand, with {@code min.insync.replicas} by the same rule. */
  public static Durability withReplicationFactor(short replicationFactor) {
    return new Durability(replicationFactor, replicationFactor > 1 ? replicationFactor - 1 : 1);
  }

  @Override
  public String toString() {
    return "replication factor " + replicationFactor + ", min.insync.replicas " + minInsyncReplicas;
  }
}
