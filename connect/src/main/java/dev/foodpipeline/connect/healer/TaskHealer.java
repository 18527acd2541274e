package dev.foodpipeline.connect.healer;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.apache.kafka.connect.health.ConnectClusterState;
import org.apache.kafka.connect.health.ConnectorHealth;
import org.apache.kafka.connect.health.TaskState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts FAILED tasks with a growing back-off and gives up after a limit. Each {@link #poll()}
 * reads the task states once and acts on them; it is called by one thread (the extension's
 * scheduler), so it keeps its bookkeeping in plain fields.
 *
 * <p>Per task: a FAILED task is restarted at once the first time, then no sooner than {@link
 * BackoffPolicy#delayBefore} after the previous restart; a task that is FAILED again after {@code
 * limit} restarts is given up, with one ERROR line and the gave-up metric, and left alone. A task
 * RUNNING for {@code stable} counts as healed: its count starts again at 0 (and a given-up task
 * that a human restarted is watched again).
 *
 * <p>Which tasks: those that run on this worker ({@code ownWorkerId}), so that with several workers
 * each task has one healer and a task of a dead worker is healed by the worker it moves to. Without
 * an id (a listener on port 0) every FAILED task is this worker's: one worker assumed.
 */
public final class TaskHealer {
  private static final Logger log = LoggerFactory.getLogger(TaskHealer.class);
  static final String FAILED = "FAILED";
  static final String RUNNING = "RUNNING";

  private final ConnectClusterState cluster;
  private final TaskRestarter restarter;
  private final BackoffPolicy policy;
  private final Duration stable;
  private final Optional<String> ownWorkerId;
  private final LongSupplier clockMillis;
  private final HealerMetrics metrics;
  private final Map<TaskId, TaskRecord> tasks = new HashMap<>();

  public TaskHealer(
      ConnectClusterState cluster,
      TaskRestarter restarter,
      BackoffPolicy policy,
      Duration stable,
      Optional<String> ownWorkerId,
      LongSupplier clockMillis,
      HealerMetrics metrics) {
    this.cluster = cluster;
    this.restarter = restarter;
    this.policy = policy;
    this.stable = stable;
    this.ownWorkerId = ownWorkerId;
    this.clockMillis = clockMillis;
    this.metrics = metrics;
  }

  /** Reads every connector's task states once and restarts, waits or gives up as due. */
  public void poll() {
    Collection<String> connectors = cluster.connectors();
    tasks.keySet().removeIf(task -> !connectors.contains(task.connector()));
    long now = clockMillis.getAsLong();
    for (String connector : connectors) {
      ConnectorHealth health;
      try {
        health = cluster.connectorHealth(connector);
      } catch (RuntimeException e) {
        log.debug("No state for connector {} (being deleted?): {}", connector, e.toString());
        continue;
      }
      for (TaskState state : health.tasksState().values()) {
        TaskId task = new TaskId(connector, state.taskId());
        TaskRecord record = tasks.get(task);
        if (record == null) {
          record = new TaskRecord();
          tasks.put(task, record);
          metrics.of(task); // its counters exist from the first sight, at 0
        }
        observe(task, state, record, now);
      }
    }
  }

  private void observe(TaskId task, TaskState state, TaskRecord record, long now) {
    if (RUNNING.equals(state.state())) {
      if (record.runningSince < 0) {
        record.runningSince = now;
      }
      if ((record.restarts > 0 || record.gaveUp)
          && now - record.runningSince >= stable.toMillis()) {
        log.info(
            "Task {} healed: RUNNING for {} s after {} restart(s)",
            task,
            stable.toSeconds(),
            record.restarts);
        record.restarts = 0;
        if (record.gaveUp) {
          record.gaveUp = false;
          metrics.of(task).gaveUp(false);
        }
      }
      return;
    }
    record.runningSince = -1;
    if (!FAILED.equals(state.state()) || record.gaveUp || !isOwn(state)) {
      return;
    }
    if (record.restarts > 0
        && now - record.lastRestart < policy.delayBefore(record.restarts).toMillis()) {
      return;
    }
    if (policy.givesUpAfter(record.restarts)) {
      record.gaveUp = true;
      metrics.of(task).gaveUp(true);
      log.error(
          "Giving up on task {}: FAILED again after {} restarts; restart it by hand once the"
              + " cause is fixed (POST /connectors/{}/tasks/{}/restart). Error: {}",
          task,
          record.restarts,
          task.connector(),
          task.task(),
          TraceSummary.of(state.traceMessage()));
      return;
    }
    try {
      restarter.restart(task.connector(), task.task());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (Exception e) {
      log.warn("Couldn't restart task {} (tried again at the next poll): {}", task, e.toString());
      return;
    }
    record.restarts++;
    record.lastRestart = now;
    metrics.of(task).restarted();
    log.info(
        "Restarted FAILED task {} (restart {} of at most {}; the next no sooner than {} s"
            + " from now). Error: {}",
        task,
        record.restarts,
        policy.limit(),
        policy.delayBefore(record.restarts).toSeconds(),
        TraceSummary.of(state.traceMessage()));
  }

  private boolean isOwn(TaskState state) {
    return ownWorkerId.map(id -> id.equals(state.workerId())).orElse(true);
  }

  /** What the healer knows of one task. */
  private static final class TaskRecord {
    int restarts;
    long lastRestart;
    long runningSince = -1;
    boolean gaveUp;
  }
}
