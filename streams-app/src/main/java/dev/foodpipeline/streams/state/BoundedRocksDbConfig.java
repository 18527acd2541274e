package dev.foodpipeline.streams.state;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code rocksdb.config.setter}: every RocksDB store of this process shares ONE block cache and ONE
 * write-buffer manager whose memtables are charged to that cache, so RocksDB's memory (blocks,
 * index and filter blocks, memtables) stays within one budget however many stores, segments and
 * tasks the instance holds. Kafka's documented recipe ("Bounding memory usage" in the Kafka Streams
 * memory management guide).
 *
 * <p>The budget is {@value #MEMORY_BYTES_CONFIG} (set from {@code --rocksdb-memory-mb}); half of it
 * may be memtables. Without this, each store (and each segment of a window store) would get its own
 * 50 MiB block cache and up to 3 × 16 MiB of memtables: the figure that dominated the Streams JVMs'
 * memory.
 *
 * <p>The cache and manager are made once per JVM, from the first store's configuration, and never
 * closed: RocksDB objects shared by stores must outlive all of them.
 */
public final class BoundedRocksDbConfig implements RocksDBConfigSetter {
  /** The total RocksDB memory of this process, in bytes (an app setting, not a Kafka one). */
  public static final String MEMORY_BYTES_CONFIG = "food.rocksdb.memory.bytes";

  public static final long DEFAULT_MEMORY_BYTES = 16L * 1024 * 1024;

  /** Small blocks: lookups of short keys (order ids) read less. RocksDB's default is 4 KiB too. */
  static final long BLOCK_SIZE = 4 * 1024L;

  /** Share of the cache kept for index and filter blocks, so data blocks cannot evict them. */
  static final double INDEX_FILTER_RATIO = 0.1;

  static final int MEMTABLES_PER_STORE = 2;

  private static final Logger log = LoggerFactory.getLogger(BoundedRocksDbConfig.class);
  private static Shared shared;
  private static boolean warnedOfOtherBudget;

  /** The cache and write-buffer manager of this process, and the budget they were made for. */
  record Shared(long totalBytes, Cache cache, WriteBufferManager writeBuffers) {
    long memtableBytes() {
      return totalBytes / 2;
    }
  }

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    Shared memory = shared(budget(configs));
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(memory.cache());
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    table.setBlockSize(BLOCK_SIZE);
    options.setWriteBufferManager(memory.writeBuffers());
    // A memtable is flushed at a quarter of the memtable budget at most: many stores share it.
    options.setWriteBufferSize(Math.max(1024 * 1024, memory.memtableBytes() / 4));
    options.setMaxWriteBufferNumber(MEMTABLES_PER_STORE);
    options.setTableFormatConfig(table);
  }

  @Override
  public void close(String storeName, Options options) {
    // The cache and the write-buffer manager are shared by every store: never closed here.
  }

  /** The shared objects, made on the first call with the budget of that call. */
  static synchronized Shared shared(long totalBytes) {
    if (shared == null) {
      Cache cache = new LRUCache(totalBytes, -1, false, INDEX_FILTER_RATIO);
      shared = new Shared(totalBytes, cache, new WriteBufferManager(totalBytes / 2, cache));
      log.info(
          "RocksDB memory of this process bounded to {} MiB (block cache incl. up to {} MiB of memtables), shared by every store",
          totalBytes / (1024 * 1024),
          totalBytes / 2 / (1024 * 1024));
    } else if (shared.totalBytes() != totalBytes && !warnedOfOtherBudget) {
      warnedOfOtherBudget = true;
      log.warn(
          "RocksDB memory is already bounded to {} bytes in this process; ignoring another budget of {} bytes",
          shared.totalBytes(),
          totalBytes);
    }
    return shared;
  }

  static long budget(Map<String, Object> configs) {
    Object value = configs.get(MEMORY_BYTES_CONFIG);
    if (value == null) {
      return DEFAULT_MEMORY_BYTES;
    }
    try {
      long bytes = Long.parseLong(value.toString().trim());
      if (bytes > 0) {
        return bytes;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new IllegalArgumentException(
        MEMORY_BYTES_CONFIG + " must be a positive number of bytes, got '" + value + "'");
  }
}
