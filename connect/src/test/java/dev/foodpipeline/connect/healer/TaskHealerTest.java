package dev.foodpipeline.connect.healer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskHealerTest {
  private static final Duration UNIT = Duration.ofSeconds(10);
  private static final int LIMIT = 4;

  private final FakeClusterState cluster = new FakeClusterState();
  private final List<String> restarts = new ArrayList<>();
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final MBeanServer mbeans = MBeanServerFactory.newMBeanServer();
  private final HealerMetrics metrics = new HealerMetrics(mbeans);
  private TaskRestarter restarter = (connector, task) -> restarts.add(connector + "-" + task);

  @AfterEach
  void closeMetrics() {
    metrics.close();
  }

  private TaskHealer healer(Optional<String> ownWorkerId) {
    return new TaskHealer(
        cluster,
        (connector, task) -> restarter.restart(connector, task),
        new BackoffPolicy(UNIT, Duration.ofSeconds(60), LIMIT),
        Duration.ofSeconds(60),
        ownWorkerId,
        now::get,
        metrics);
  }

  private TaskHealer healer() {
    return healer(Optional.of(FakeClusterState.WORKER));
  }

  private void after(Duration elapsed, TaskHealer healer) {
    now.addAndGet(elapsed.toMillis());
    healer.poll();
  }

  private Object metric(String connector, int task, String attribute) throws Exception {
    return mbeans.getAttribute(
        new ObjectName(
            "dev.foodpipeline:type=task-healer,connector=" + connector + ",task=" + task),
        attribute);
  }

  @Test
  void aFailedTaskIsRestartedAtOnceThenAfterTheBackOff() throws Exception {
    TaskHealer healer = healer();
    cluster.task("orders-sink", 0, "RUNNING");
    cluster.task("orders-sink", 1, "FAILED");

    healer.poll();
    assertThat(restarts).containsExactly("orders-sink-1");

    after(Duration.ofSeconds(19), healer); // still FAILED (or its old state): 20 s not up
    assertThat(restarts).hasSize(1);
    after(Duration.ofSeconds(1), healer);
    assertThat(restarts).hasSize(2);
    after(Duration.ofSeconds(59), healer);
    assertThat(restarts).hasSize(2);
    after(Duration.ofSeconds(1), healer);
    assertThat(restarts).hasSize(3);
    assertThat(metric("orders-sink", 1, "Restarts")).isEqualTo(3L);
    assertThat(metric("orders-sink", 1, "GaveUp")).isEqualTo(0);
  }

  @Test
  void afterTheLimitTheTaskIsGivenUpAndLeftAlone() throws Exception {
    TaskHealer healer = healer();
    cluster.task("orders-sink", 0, "FAILED");

    healer.poll();
    for (int i = 0; i < 10; i++) {
      after(Duration.ofSeconds(60), healer);
    }

    assertThat(restarts).hasSize(LIMIT);
    assertThat(metric("orders-sink", 0, "Restarts")).isEqualTo((long) LIMIT);
    assertThat(metric("orders-sink", 0, "GaveUp")).isEqualTo(1);
  }

  @Test
  void aTaskRunningLongEnoughStartsAgainFromTheFirstRestart() throws Exception {
    TaskHealer healer = healer();
    cluster.task("orders-sink", 0, "FAILED");
    healer.poll();
    after(Duration.ofSeconds(20), healer);
    assertThat(restarts).hasSize(2);

    cluster.task("orders-sink", 0, "RUNNING");
    after(Duration.ofSeconds(1), healer);
    after(Duration.ofSeconds(60), healer);
    cluster.task("orders-sink", 0, "FAILED");
    after(Duration.ofSeconds(1), healer);

    assertThat(restarts).as("restarted at once, as a first failure").hasSize(3);
  }

  @Test
  void aTaskThatFailsSoonAfterRunningKeepsItsBackOff() {
    TaskHealer healer = healer();
    cluster.task("orders-sink", 0, "FAILED");
    healer.poll();
    cluster.task("orders-sink", 0, "RUNNING");
    after(Duration.ofSeconds(5), healer);
    cluster.task("orders-sink", 0, "FAILED");
    after(Duration.ofSeconds(5), healer);

    assertThat(restarts).as("20 s are not up").hasSize(1);
  }

  @Test
  void aGivenUpTaskThatAHumanRestartedIsWatchedAgain() throws Exception {
    TaskHealer healer = healer();
    cluster.task("orders-sink", 0, "FAILED");
    healer.poll();
    for (int i = 0; i < LIMIT; i++) {
      after(Duration.ofSeconds(60), healer);
    }
    assertThat(metric("orders-sink", 0, "GaveUp")).isEqualTo(1);

    cluster.task("orders-sink", 0, "RUNNING");
    after(Duration.ofSeconds(1), healer);
    after(Duration.ofSeconds(60), healer);
    assertThat(metric("orders-sink", 0, "GaveUp")).isEqualTo(0);

    cluster.task("orders-sink", 0, "FAILED");
    after(Duration.ofSeconds(1), healer);
    assertThat(restarts).hasSize(LIMIT + 1);
  }

  @Test
  void onlyTheTasksOfThisWorkerAreHealed() {
    TaskHealer healer = healer();
    cluster.task("orders-sink", 0, "FAILED", "10.0.0.2:8083");
    cluster.task("orders-sink", 1, "FAILED");

    healer.poll();

    assertThat(restarts).containsExactly("orders-sink-1");
  }

  @Test
  void withoutAnIdOfItsOwnEveryFailedTaskIsHealed() {
    TaskHealer healer = healer(Optional.empty());
    cluster.task("orders-sink", 0, "FAILED", "10.0.0.2:8083");

    healer.poll();

    assertThat(restarts).containsExactly("orders-sink-0");
  }

  @Test
  void aRefusedRestartIsNotCountedAndIsTriedAtTheNextPoll() throws Exception {
    TaskHealer healer = healer();
    cluster.task("orders-sink", 0, "FAILED");
    restarter =
        (connector, task) -> {
          throw new java.io.IOException("409 rebalance in progress");
        };
    healer.poll();
    restarter = (connector, task) -> restarts.add(connector + "-" + task);
    after(Duration.ofSeconds(2), healer);

    assertThat(restarts).containsExactly("orders-sink-0");
    assertThat(metric("orders-sink", 0, "Restarts")).isEqualTo(1L);
  }

  @Test
  void pausedAndUnassignedTasksAreLeftAlone() {
    TaskHealer healer = healer();
    cluster.task("orders-sink", 0, "PAUSED");
    cluster.task("orders-sink", 1, "UNASSIGNED");

    healer.poll();

    assertThat(restarts).isEmpty();
  }

  @Test
  void aHealthyTaskHasItsCountersAtZeroFromTheFirstPoll() throws Exception {
    cluster.task("orders-sink", 0, "RUNNING");

    healer().poll();

    assertThat(metric("orders-sink", 0, "Restarts")).isEqualTo(0L);
    assertThat(metric("orders-sink", 0, "GaveUp")).isEqualTo(0);
  }

  @Test
  void aDeletedConnectorIsForgottenAndARecreatedOneStartsAfresh() {
    TaskHealer healer = healer();
    cluster.task("orders-sink", 0, "FAILED");
    healer.poll();
    cluster.remove("orders-sink");
    after(Duration.ofSeconds(1), healer);
    cluster.task("orders-sink", 0, "FAILED");
    after(Duration.ofSeconds(1), healer);

    assertThat(restarts).hasSize(2);
  }

  @Test
  void aConnectorWithoutStateIsSkipped() {
    TaskHealer healer =
        new TaskHealer(
            new FakeClusterState() {
              @Override
              public java.util.Collection<String> connectors() {
                return List.of("gone", "orders-sink");
              }
            },
            restarter,
            new BackoffPolicy(UNIT, UNIT, 1),
            Duration.ZERO,
            Optional.empty(),
            now::get,
            metrics);

    healer.poll();

    assertThat(restarts).isEmpty();
  }
}
