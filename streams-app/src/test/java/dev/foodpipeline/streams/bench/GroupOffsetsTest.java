package dev.foodpipeline.streams.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupOffsetsTest {
  @Test
  void parsesAndFormatsOffsetsByPartition() {
    Map<Integer, Long> offsets = GroupOffsets.parse("2:30,0:10,1:20");
    assertThat(offsets).containsExactly(Map.entry(0, 10L), Map.entry(1, 20L), Map.entry(2, 30L));
    assertThat(GroupOffsets.format(offsets)).isEqualTo("0:10,1:20,2:30");
    assertThatThrownBy(() -> GroupOffsets.parse("0=10")).hasMessageContaining("PARTITION:OFFSET");
  }

  @Test
  void countsTheRecordsCoveredSinceTheStartAndWhetherTheTargetIsReached() {
    Map<Integer, Long> from = GroupOffsets.parse("0:10,1:20,2:30");
    assertThat(GroupOffsets.covered(from, GroupOffsets.parse("0:15,1:20"))).isEqualTo(5);
    assertThat(GroupOffsets.covered(from, GroupOffsets.parse("0:15,1:25,2:31"))).isEqualTo(11);
    Map<Integer, Long> target = GroupOffsets.parse("0:15,1:25,2:31");
    assertThat(GroupOffsets.reached(target, GroupOffsets.parse("0:15,1:25"))).isFalse();
    assertThat(GroupOffsets.reached(target, GroupOffsets.parse("0:16,1:25,2:31"))).isTrue();
  }
}
