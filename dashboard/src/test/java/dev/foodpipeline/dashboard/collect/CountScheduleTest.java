package dev.foodpipeline.dashboard.collect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountScheduleTest {
  private static final long MS = 1_000_000L;

  @Test
  void theFirstCountIsDueAtOnce() {
    assertThat(new CountSchedule().due(System.nanoTime())).isTrue();
  }

  @Test
  void aCountIsDueAgainAfterFiftyTimesWhatTheLastTook() {
    CountSchedule schedule = new CountSchedule();
    long start = 7_000 * MS;
    schedule.counted(start, start + 200 * MS); // a 200 ms count: quiet for 10 s after it ends

    assertThat(schedule.due(start + 200 * MS)).isFalse();
    assertThat(schedule.due(start + 10_199 * MS)).isFalse();
    assertThat(schedule.due(start + 10_200 * MS)).isTrue();
  }

  @Test
  void aQuickCountIsDueAtTheNextPoll() {
    CountSchedule schedule = new CountSchedule();
    long start = -5_000 * MS; // nanoTime may be negative
    schedule.counted(start, start + 2 * MS);

    assertThat(schedule.due(start + 1_000 * MS)).isTrue();
  }
}
