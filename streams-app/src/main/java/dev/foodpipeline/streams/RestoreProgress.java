package dev.foodpipeline.streams;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which store partitions are being restored from their changelog right now (an active task is not
 * processed until its stores are restored), with one log line when a restore starts and one when it
 * ends. {@code /ready} is false while any is restoring.
 */
final class RestoreProgress implements StateRestoreListener {
  private static final Logger log = LoggerFactory.getLogger(RestoreProgress.class);

  private final String instance;
  private final Map<TopicPartition, Started> restoring = new ConcurrentHashMap<>();

  private record Started(String store, long startNanos, long records) {}

  RestoreProgress(String instance) {
    this.instance = instance;
  }

  /** The changelog partitions being restored now, as {@code topic-partition}. */
  Set<String> restoring() {
    Set<String> partitions = new TreeSet<>();
    restoring.keySet().forEach(partition -> partitions.add(partition.toString()));
    return partitions;
  }

  @Override
  public void onRestoreStart(
      TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
    long records = Math.max(0, endingOffset - startingOffset);
    restoring.put(partition, new Started(storeName, System.nanoTime(), records));
    log.info(
        "{} restoring store {} from {}: offsets {} to {} (~{} records)",
        instance,
        storeName,
        partition,
        startingOffset,
        endingOffset,
        records);
  }

  @Override
  public void onBatchRestored(
      TopicPartition partition, String storeName, long batchEndOffset, long numRestored) {}

  @Override
  public void onRestoreEnd(TopicPartition partition, String storeName, long totalRestored) {
    Started started = restoring.remove(partition);
    long tookMs = started == null ? -1 : (System.nanoTime() - started.startNanos()) / 1_000_000;
    log.info(
        "{} restored store {} from {}: {} records in {} ms",
        instance,
        storeName,
        partition,
        totalRestored,
        tookMs);
  }

  @Override
  public void onRestoreSuspended(TopicPartition partition, String storeName, long totalRestored) {
    restoring.remove(partition);
    log.info(
        "{} stopped restoring store {} from {} after {} records (the task moved)",
        instance,
        storeName,
        partition,
        totalRestored);
  }
}
