package dev.foodpipeline.notify.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreationTimesTest {
  private static List<Long> times(byte[] packed) {
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < CreationTimes.count(packed); i++) {
      times.add(ByteBuffer.wrap(packed).getLong(i * Long.BYTES));
    }
    return times;
  }

  @Test
  void timesAreKeptInOrderWhateverOrderTheyCameIn() {
    byte[] packed = CreationTimes.add(null, 1_500);
    packed = CreationTimes.add(packed, 1_100);
    packed = CreationTimes.add(packed, 1_900);
    packed = CreationTimes.add(packed, 1_500);

    assertThat(times(packed)).containsExactly(1_100L, 1_500L, 1_500L, 1_900L);
    assertThat(CreationTimes.count(packed)).isEqualTo(4);
    assertThat(CreationTimes.count(null)).isZero();
  }

  @Test
  void forgettingDropsTheTimesAtOrBeforeTheWindowStart() {
    byte[] packed =
        CreationTimes.add(CreationTimes.add(CreationTimes.add(null, 1_100), 1_500), 1_900);

    assertThat(times(CreationTimes.after(packed, 1_099))).containsExactly(1_100L, 1_500L, 1_900L);
    assertThat(times(CreationTimes.after(packed, 1_500))).containsExactly(1_900L);
    assertThat(CreationTimes.after(packed, 1_900)).isNull();
  }
}
