package dev.foodpipeline.shell.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.Test;

class CommitPacerTest {
  /** Two tasks' contexts (a stream thread runs both). */
  private final MockProcessorContext<Object, Object> task1 = new MockProcessorContext<>();

  private final MockProcessorContext<Object, Object> task2 = new MockProcessorContext<>();

  /** Reads {@code records} records of a task at the given time; whether any asked for a commit. */
  private static boolean read(
      CommitPacer pacer, MockProcessorContext<Object, Object> task, int records, long atMs) {
    task.resetCommit();
    task.setCurrentSystemTimeMs(atMs);
    for (int i = 0; i < records; i++) {
      pacer.read(task);
    }
    return task.committed();
  }

  @Test
  void asksForACommitOnceItsThreadHasReadTheRecords() {
    CommitPacer pacer = new CommitPacer(30);

    assertThat(read(pacer, task1, 29, 1_000)).isFalse();
    assertThat(read(pacer, task1, 1, 1_000)).isTrue();
    assertThat(read(pacer, task1, 29, 2_000)).isFalse();
    assertThat(read(pacer, task1, 1, 2_000)).isTrue();
  }

  @Test
  void countsTheRecordsOfEveryTaskOfTheThread() {
    CommitPacer pacer = new CommitPacer(30);

    assertThat(read(pacer, task1, 20, 1_000)).isFalse();
    assertThat(read(pacer, task2, 10, 1_000)).isTrue();
  }

  @Test
  void neverAsksTwiceWithinTheLeastGapWhateverTheTask() {
    CommitPacer pacer = new CommitPacer(30);
    long gap = CommitPacer.MIN_GAP.toMillis();

    assertThat(read(pacer, task1, 30, 1_000)).isTrue();
    assertThat(read(pacer, task1, 300, 1_000 + gap - 1)).isFalse();
    assertThat(read(pacer, task2, 300, 1_000 + gap - 1)).isFalse();
    // the records read meanwhile are due at once when the gap has passed
    assertThat(read(pacer, task2, 1, 1_000 + gap)).isTrue();
  }

  @Test
  void anotherThreadCountsItsOwnRecords() throws InterruptedException {
    CommitPacer pacer = new CommitPacer(30);
    assertThat(read(pacer, task1, 29, 1_000)).isFalse();

    AtomicBoolean askedThere = new AtomicBoolean(true);
    Thread other = new Thread(() -> askedThere.set(read(pacer, task2, 29, 1_000)));
    other.start();
    other.join();

    assertThat(askedThere).isFalse();
    assertThat(read(pacer, task1, 1, 1_000)).isTrue();
  }

  @Test
  void zeroRecordsLeavesCommitsToTheInterval() {
    CommitPacer pacer = new CommitPacer(0);

    assertThat(read(pacer, task1, 10_000, 1_000)).isFalse();
    assertThat(read(pacer, task1, 10_000, 60_000)).isFalse();
  }

  @Test
  void aNegativeCountIsRefused() {
    assertThatThrownBy(() -> new CommitPacer(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("records must be >= 0, got -1");
  }
}
