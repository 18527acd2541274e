package dev.foodpipeline.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectorStatusTest {

  private static ConnectorStatus.TaskState task(int id, String state, String trace) {
    return new ConnectorStatus.TaskState(id, state, trace);
  }

  @Test
  void runningNeedsTheConnectorAndEveryTaskRunning() {
    assertThat(
            new ConnectorStatus("s", "RUNNING", null, List.of(task(0, "RUNNING", null)))
                .isRunning())
        .isTrue();
    assertThat(new ConnectorStatus("s", "RUNNING", null, List.of()).isRunning()).isFalse();
    assertThat(
            new ConnectorStatus(
                    "s",
                    "RUNNING",
                    null,
                    List.of(task(0, "RUNNING", null), task(1, "UNASSIGNED", null)))
                .isRunning())
        .isFalse();
    assertThat(
            new ConnectorStatus("s", "PAUSED", null, List.of(task(0, "RUNNING", null))).isRunning())
        .isFalse();
  }

  @Test
  void aFailedTaskIsReportedWithTheFirstLineOfItsTrace() {
    ConnectorStatus status =
        new ConnectorStatus(
            "s",
            "RUNNING",
            null,
            List.of(
                task(0, "RUNNING", null),
                task(
                    1,
                    "FAILED",
                    "org.apache.kafka.connect.errors.ConnectException: boom\n\tat x.y(Z.java:1)")));

    assertThat(status.isFailed()).isTrue();
    assertThat(status.firstFailure())
        .isEqualTo("task 1: org.apache.kafka.connect.errors.ConnectException: boom");
    assertThat(status.summary()).isEqualTo("connector RUNNING, tasks [0 RUNNING, 1 FAILED]");
  }

  @Test
  void aFailedConnectorIsReportedBeforeItsTasks() {
    ConnectorStatus status = new ConnectorStatus("s", "FAILED", "  ", List.of());

    assertThat(status.isFailed()).isTrue();
    assertThat(status.firstFailure()).isEqualTo("(no trace)");
  }

  @Test
  void nothingFailedMeansNoFailureText() {
    ConnectorStatus status =
        new ConnectorStatus("s", "RUNNING", null, List.of(task(0, "RUNNING", null)));

    assertThat(status.isFailed()).isFalse();
    assertThat(status.firstFailure()).isEmpty();
  }
}
