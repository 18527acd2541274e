package dev.foodpipeline.generator.producer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.generator.GeneratedOrder;
import dev.foodpipeline.generator.GenerationSpec;
import dev.foodpipeline.generator.InvalidKind;
import dev.foodpipeline.generator.OrderFactory;
import dev.foodpipeline.generator.fakes.FakeTime;
import dev.foodpipeline.generator.fakes.RecordingSender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProduceRunTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);

  private final FakeTime time = new FakeTime();
  private final RecordingSender sender = new RecordingSender();
  private final List<String> progress = new ArrayList<>();

  private ProduceRun run(GenerationSpec spec, double rate, RunLimits limits) {
    return new ProduceRun(
        new OrderFactory(spec, CLOCK),
        sender,
        new Pacer(rate),
        limits,
        time,
        time,
        (elapsed, counts, perSecond) ->
            progress.add(elapsed.toSeconds() + "s " + counts + " " + Math.round(perSecond)));
  }

  @Test
  void sendsTheFactorysRecordsInSequenceOrder() throws InterruptedException {
    GenerationSpec spec = GenerationSpec.of(42, 0.2).withFirstSequence(5);
    RunSummary summary = run(spec, 0, RunLimits.count(50)).run();

    OrderFactory expected = new OrderFactory(spec, CLOCK);
    List<RecordingSender.Sent> sent = sender.sent();
    assertThat(sent).hasSize(50);
    for (int i = 0; i < 50; i++) {
      GeneratedOrder order = expected.generate(5 + i);
      assertThat(sent.get(i).key()).isEqualTo(order.key());
      assertThat(sent.get(i).value()).isEqualTo(order.value());
    }
    assertThat(summary.firstSequence()).isEqualTo(5);
    assertThat(summary.lastSequence()).isEqualTo(54);
  }

  @Test
  void madeAheadOnAnotherThreadARunAsFastAsPossibleSendsTheSameRecords()
      throws InterruptedException {
    GenerationSpec spec = GenerationSpec.of(42, 0.2).withFirstSequence(5);
    RunSummary summary =
        new ProduceRun(
                new OrderFactory(spec, CLOCK),
                sender,
                new Pacer(0),
                RunLimits.count(300),
                time,
                time,
                ProgressListener.NONE,
                16)
            .run();

    OrderFactory expected = new OrderFactory(spec, CLOCK);
    assertThat(summary.sent()).isEqualTo(300);
    List<RecordingSender.Sent> sent = sender.sent();
    for (int i = 0; i < 300; i++) {
      assertThat(sent.get(i).value()).isEqualTo(expected.generate(5 + i).value());
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new ProduceRun(
                    expected,
                    sender,
                    new Pacer(0),
                    RunLimits.count(1),
                    time,
                    time,
                    ProgressListener.NONE,
                    -1))
        .hasMessageContaining("prefetch must be 0 or more");
  }

  @Test
  void countsSentAcknowledgedValidAndInvalidByKind() throws InterruptedException {
    GenerationSpec spec = GenerationSpec.of(42, 0.3);
    RunSummary summary = run(spec, 0, RunLimits.count(1000)).run();

    OrderFactory factory = new OrderFactory(spec, CLOCK);
    long valid = factory.generate(1, 1000).filter(GeneratedOrder::isValid).count();
    assertThat(summary.sent()).isEqualTo(1000);
    assertThat(summary.acknowledged()).isEqualTo(1000);
    assertThat(summary.failed()).isZero();
    assertThat(summary.allAcknowledged()).isTrue();
    assertThat(summary.valid()).isEqualTo(valid);
    assertThat(summary.invalid()).isEqualTo(1000 - valid);
    assertThat(summary.invalidByKind().get(InvalidKind.EMPTY_ORDER))
        .isEqualTo(
            factory
                .generate(1, 1000)
                .filter(g -> g.invalidKind().orElse(null) == InvalidKind.EMPTY_ORDER)
                .count());
    assertThat(summary.firstError()).isNull();
    assertThat(summary.topic()).isEqualTo("food-orders");
    assertThat(summary.seed()).isEqualTo(42);
  }

  @Test
  void failedSendsAreCountedAndTheFirstErrorKept() throws InterruptedException {
    sender.failing(key -> key.endsWith("3"));
    RunSummary summary = run(GenerationSpec.of(1, 0), 0, RunLimits.count(100)).run();

    assertThat(summary.sent()).isEqualTo(100);
    assertThat(summary.failed()).isEqualTo(10);
    assertThat(summary.acknowledged()).isEqualTo(90);
    assertThat(summary.allAcknowledged()).isFalse();
    assertThat(summary.firstError()).isEqualTo("IllegalStateException: broker said no");
  }

  @Test
  void aSendTheClientRefusesAtOnceIsAFailureNotACrash() throws InterruptedException {
    sender.throwingOnSend(
        new IllegalStateException("Cannot perform operation after producer has been closed"));
    RunSummary summary = run(GenerationSpec.of(1, 0), 0, RunLimits.count(3)).run();

    assertThat(summary.sent()).isEqualTo(3);
    assertThat(summary.failed()).isEqualTo(3);
    assertThat(summary.firstError()).contains("after producer has been closed");
  }

  @Test
  void holdsTheRate() throws InterruptedException {
    RunSummary summary = run(GenerationSpec.of(1, 0.1), 20, RunLimits.count(201)).run();

    assertThat(summary.elapsed()).isEqualTo(Duration.ofSeconds(10));
    assertThat(summary.achievedRate()).isEqualTo(20.1);
  }

  @Test
  void stopsAtTheDurationEvenWithoutACount() throws InterruptedException {
    RunSummary summary =
        run(GenerationSpec.of(1, 0.1), 10, RunLimits.duration(Duration.ofSeconds(5))).run();

    assertThat(summary.sent()).isEqualTo(50);
    assertThat(summary.elapsed()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void stopsAtWhicheverLimitComesFirst() throws InterruptedException {
    RunLimits both =
        new RunLimits(java.util.OptionalLong.of(7), java.util.Optional.of(Duration.ofSeconds(5)));
    assertThat(run(GenerationSpec.of(1, 0), 10, both).run().sent()).isEqualTo(7);
  }

  @Test
  void stopsAtTheDurationWhenSendingAsFastAsPossible() throws InterruptedException {
    time.costPerReading(Duration.ofMillis(1));
    RunSummary summary =
        run(GenerationSpec.of(1, 0), 0, RunLimits.duration(Duration.ofSeconds(1))).run();

    // Two readings per send (the deadline check and the progress check): 500 sends fit in 1 s.
    assertThat(summary.sent()).isEqualTo(500);
  }

  @Test
  void anUnlimitedRunStopsWhenAskedAndReportsWhatItSent() throws InterruptedException {
    ProduceRun[] run = new ProduceRun[1];
    sender.onSend(
        () -> {
          if (sender.sent().size() == 25) {
            run[0].requestStop();
          }
        });
    run[0] = run(GenerationSpec.of(1, 0), 5, RunLimits.UNLIMITED);
    RunSummary summary = run[0].run();

    assertThat(summary.sent()).isEqualTo(25);
    assertThat(summary.acknowledged()).isEqualTo(25);
    assertThat(RunLimits.UNLIMITED.unlimited()).isTrue();
  }

  @Test
  void aStopRequestEndsAWaitForTheNextSlot() throws InterruptedException {
    ProduceRun[] run = new ProduceRun[1];
    sender.onSend(() -> run[0].requestStop());
    run[0] = run(GenerationSpec.of(1, 0), 0.01, RunLimits.UNLIMITED);

    assertThat(run[0].run().sent()).isEqualTo(1);
    assertThat(time.slept()).isLessThanOrEqualTo(Duration.ofSeconds(100));
  }

  @Test
  void reportsProgressAboutEverySecond() throws InterruptedException {
    run(GenerationSpec.of(1, 0), 10, RunLimits.count(35)).run();

    assertThat(progress).hasSize(3);
    assertThat(progress.get(0))
        .startsWith("1s Counts[sent=11, acknowledged=0, failed=0]")
        .endsWith(" 11");
    assertThat(progress.get(2)).startsWith("3s Counts[sent=31");
  }

  @Test
  void liveStatsShowPendingRecords() throws InterruptedException {
    ProduceRun run = run(GenerationSpec.of(1, 0), 0, RunLimits.count(4));
    sender.onSend(() -> assertThat(run.stats().counts().pending()).isPositive());
    run.run();
    assertThat(run.stats().counts().pending()).isZero();
    assertThat(run.stats().invalidByKind())
        .containsEntry(InvalidKind.EMPTY_ORDER, 0L)
        .hasSize(InvalidKind.values().length);
  }

  @Test
  void theSummaryListsEveryCountAndTheInvalidKindsWithTheirReasons() {
    RunSummary summary =
        new RunSummary(
            "food-orders",
            7,
            1,
            200,
            198,
            2,
            180,
            Map.of(InvalidKind.EMPTY_ORDER, 12L, InvalidKind.WRONG_TYPE, 8L),
            Duration.ofMillis(19_800),
            "TimeoutException: Expiring 2 record(s)",
            "10 orders/s",
            List.of());

    assertThat(summary.format())
        .contains(
            "Produced to food-orders in 19.8 s at 10.0 orders/s (target 10 orders/s; seed 7, sequences 1 to 200)")
        .containsPattern("sent\\s+200")
        .containsPattern("acknowledged\\s+198")
        .containsPattern("failed\\s+2")
        .containsPattern("valid\\s+180")
        .containsPattern("invalid\\s+20")
        .containsPattern("WRONG_TYPE\\s+8  \\(to be rejected as SCHEMA_VIOLATION\\)")
        .containsPattern("EMPTY_ORDER\\s+12  \\(to be rejected as EMPTY_ORDER\\)")
        .contains("first failure: TimeoutException: Expiring 2 record(s)")
        .doesNotContain("MALFORMED_JSON");
    // In the order the kinds are declared.
    assertThat(summary.format().indexOf("WRONG_TYPE"))
        .isLessThan(summary.format().indexOf("EMPTY_ORDER"));
  }

  @Test
  void anEmptyRunHasNoRate() {
    RunSummary summary =
        new RunSummary(
            "food-orders",
            1,
            1,
            0,
            0,
            0,
            0,
            Map.of(),
            Duration.ZERO,
            null,
            "as fast as possible",
            List.of());
    assertThat(summary.achievedRate()).isZero();
    assertThat(summary.allAcknowledged()).isTrue();
    assertThat(summary.lastSequence()).isZero();
  }

  @Test
  void limitsRefuseNegativeValues() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunLimits.count(-1))
        .hasMessageContaining("0 or more");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> RunLimits.duration(Duration.ofSeconds(-1)))
        .hasMessageContaining("negative");
  }
}
