package dev.foodpipeline.connect.healer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceSummaryTest {

  @Test
  void theFirstLineAndTheDeepestCause() {
    String trace =
        """
        org.apache.kafka.connect.errors.ConnectException: Exiting WorkerSinkTask due to unrecoverable exception.
        \tat org.apache.kafka.connect.runtime.WorkerSinkTask.deliverMessages(WorkerSinkTask.java:636)
        Caused by: org.hibernate.exception.JDBCConnectionException: Unable to open JDBC Connection
        \tat org.hibernate.Foo.bar(Foo.java:1)
        Caused by: org.postgresql.util.PSQLException: Connection to 127.0.0.1:5432 refused.
        \tat org.postgresql.Driver.connect(Driver.java:1)
        """;

    assertThat(TraceSummary.of(trace))
        .isEqualTo(
            "org.apache.kafka.connect.errors.ConnectException: Exiting WorkerSinkTask due to"
                + " unrecoverable exception. / root cause: org.postgresql.util.PSQLException:"
                + " Connection to 127.0.0.1:5432 refused.");
  }

  @Test
  void aTraceWithoutCauseIsItsFirstLine() {
    assertThat(TraceSummary.of("java.lang.IllegalStateException: boom\n\tat x.y(Z.java:1)"))
        .isEqualTo("java.lang.IllegalStateException: boom");
  }

  @Test
  void noTraceIsSaid() {
    assertThat(TraceSummary.of(null)).isEqualTo("(no trace)");
    assertThat(TraceSummary.of("  ")).isEqualTo("(no trace)");
  }
}
