package dev.foodpipeline.streams.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedRocksDbConfigTest {
  static {
    RocksDB.loadLibrary();
  }

  @Test
  void everyStoreSharesOneCacheAndWriteBufferManagerWithSmallMemtables() {
    long budget = 16L * 1024 * 1024;
    try (Options first = new Options();
        Options second = new Options()) {
      first.setTableFormatConfig(new BlockBasedTableConfig());
      second.setTableFormatConfig(new BlockBasedTableConfig());
      BoundedRocksDbConfig setter = new BoundedRocksDbConfig();

      setter.setConfig(
          "order-ids",
          first,
          Map.of(BoundedRocksDbConfig.MEMORY_BYTES_CONFIG, Long.toString(budget)));
      setter.setConfig(
          "restaurant-stats-store",
          second,
          Map.of(BoundedRocksDbConfig.MEMORY_BYTES_CONFIG, Long.toString(budget)));
      setter.close("order-ids", first);

      BoundedRocksDbConfig.Shared shared = BoundedRocksDbConfig.shared(budget);
      assertThat(shared)
          .isSameAs(BoundedRocksDbConfig.shared(budget * 2))
          .as("made once per process");
      assertThat(shared.memtableBytes()).isEqualTo(budget / 2);
      assertThat(first.maxWriteBufferNumber()).isEqualTo(2);
      assertThat(first.writeBufferSize()).isEqualTo(budget / 2 / 4);
      assertThat(((BlockBasedTableConfig) second.tableFormatConfig()).blockSize()).isEqualTo(4096);
      assertThat(((BlockBasedTableConfig) second.tableFormatConfig()).cacheIndexAndFilterBlocks())
          .isTrue();
    }
  }

  @Test
  void budgetComesFromTheAppsSettingOrTheDefault() {
    assertThat(BoundedRocksDbConfig.budget(Map.of()))
        .isEqualTo(BoundedRocksDbConfig.DEFAULT_MEMORY_BYTES);
    assertThat(
            BoundedRocksDbConfig.budget(
                Map.of(BoundedRocksDbConfig.MEMORY_BYTES_CONFIG, "8388608")))
        .isEqualTo(8388608L);
    assertThatThrownBy(
            () ->
                BoundedRocksDbConfig.budget(
                    Map.of(BoundedRocksDbConfig.MEMORY_BYTES_CONFIG, "lots")))
        .hasMessage("food.rocksdb.memory.bytes must be a positive number of bytes, got 'lots'");
    assertThatThrownBy(
            () ->
                BoundedRocksDbConfig.budget(Map.of(BoundedRocksDbConfig.MEMORY_BYTES_CONFIG, "0")))
        .hasMessageContaining("got '0'");
  }
}
