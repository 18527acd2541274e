package dev.foodpipeline.connect.healer;

/**
 * What the healer did to one task, as JMX {@code dev.foodpipeline:type=task-healer,connector=NAME,
 * task=ID}; the metrics rules turn it into {@code food_connect_task_restarts_total} and {@code
 * food_connect_task_gave_up}.
 */
public interface TaskHealerStatsMBean {
  /** Restarts of this task by the healer since the worker started. */
  long getRestarts();

  /** 1 while the healer has given up on this task, else 0. */
  int getGaveUp();
}
