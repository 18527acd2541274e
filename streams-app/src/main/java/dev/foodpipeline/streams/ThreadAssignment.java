package dev.foodpipeline.streams;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;

/** What one stream thread works on: its active and standby tasks and their input partitions. */
public record ThreadAssignment(String threadName, List<Task> activeTasks, List<Task> standbyTasks) {

  /** A task and its input partitions as {@code topic-partition}. */
  public record Task(String taskId, List<String> partitions) {
    @Override
    public String toString() {
      return taskId + " " + partitions;
    }
  }

  public ThreadAssignment {
    activeTasks = List.copyOf(activeTasks);
    standbyTasks = List.copyOf(standbyTasks);
  }

  static ThreadAssignment of(ThreadMetadata thread) {
    return new ThreadAssignment(
        thread.threadName(), tasks(thread.activeTasks()), tasks(thread.standbyTasks()));
  }

  /** Every input partition of the active tasks, as {@code topic-partition}. */
  public List<String> activePartitions() {
    return activeTasks.stream().flatMap(task -> task.partitions().stream()).sorted().toList();
  }

  /** One readable line: thread, active tasks with partitions, standby tasks. */
  public String describe() {
    return threadName
        + ": active "
        + activeTasks
        + (standbyTasks.isEmpty() ? "" : ", standby " + standbyTasks);
  }

  private static List<Task> tasks(Set<TaskMetadata> tasks) {
    return tasks.stream()
        .map(task -> new Task(task.taskId().toString(), partitions(task.topicPartitions())))
        .sorted(Comparator.comparing(Task::taskId))
        .toList();
  }

  private static List<String> partitions(Set<TopicPartition> partitions) {
    return partitions.stream().map(TopicPartition::toString).sorted().collect(Collectors.toList());
  }
}
