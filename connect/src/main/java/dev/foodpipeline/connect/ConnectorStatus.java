package dev.foodpipeline.connect;

import dev.foodpipeline.shell.Errors;
import java.util.List;
import java.util.stream.Collectors;

/** What {@code GET /connectors/{name}/status} says about a connector and its tasks. */
public record ConnectorStatus(String name, String state, String trace, List<TaskState> tasks) {

  /** One task's state; {@code trace} is null unless it failed. */
  public record TaskState(int id, String state, String trace) {}

  public ConnectorStatus {
    tasks = List.copyOf(tasks);
  }

  /** The connector and at least one task are RUNNING, and no task is anything else. */
  public boolean isRunning() {
    return "RUNNING".equals(state)
        && !tasks.isEmpty()
        && tasks.stream().allMatch(task -> "RUNNING".equals(task.state()));
  }

  /** The connector or a task FAILED. */
  public boolean isFailed() {
    return "FAILED".equals(state) || tasks.stream().anyMatch(task -> "FAILED".equals(task.state()));
  }

  /** The first line of the first failure's stack trace, or "" if nothing failed. */
  public String firstFailure() {
    if ("FAILED".equals(state)) {
      return firstLine(trace);
    }
    return tasks.stream()
        .filter(task -> "FAILED".equals(task.state()))
        .map(task -> "task " + task.id() + ": " + firstLine(task.trace()))
        .findFirst()
        .orElse("");
  }

  /** For example {@code connector RUNNING, tasks [0 RUNNING]}. */
  public String summary() {
    return "connector "
        + state
        + ", tasks "
        + tasks.stream()
            .map(task -> task.id() + " " + task.state())
            .collect(Collectors.joining(", ", "[", "]"));
  }

  private static String firstLine(String trace) {
    return trace == null || trace.isBlank() ? "(no trace)" : Errors.oneLine(trace);
  }
}
