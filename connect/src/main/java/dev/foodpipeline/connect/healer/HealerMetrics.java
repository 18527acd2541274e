package dev.foodpipeline.connect.healer;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link TaskHealerStats} MBean per task the healer has met, in the platform MBean server
 * (where the worker's metrics endpoint reads): {@code
 * dev.foodpipeline:type=task-healer,connector=NAME,task=ID}. They stay until {@link #close()}, so
 * that a counter does not start again at 0 while the worker runs.
 */
public final class HealerMetrics implements AutoCloseable {
  static final String DOMAIN = "dev.foodpipeline";
  private static final Logger log = LoggerFactory.getLogger(HealerMetrics.class);

  private final MBeanServer server;
  private final Map<TaskId, TaskHealerStats> stats = new ConcurrentHashMap<>();

  public HealerMetrics() {
    this(ManagementFactory.getPlatformMBeanServer());
  }

  HealerMetrics(MBeanServer server) {
    this.server = server;
  }

  /** The stats of {@code task}, registered on first use. */
  TaskHealerStats of(TaskId task) {
    return stats.computeIfAbsent(task, this::register);
  }

  private TaskHealerStats register(TaskId task) {
    TaskHealerStats taskStats = new TaskHealerStats();
    try {
      ObjectName name = objectName(task);
      if (server.isRegistered(name)) {
        server.unregisterMBean(name); // left by an earlier healer in this JVM (tests)
      }
      server.registerMBean(taskStats, name);
    } catch (JMException e) {
      log.warn("Couldn't register the healer metrics of task {}: {}", task, e.toString());
    }
    return taskStats;
  }

  static ObjectName objectName(TaskId task) throws JMException {
    return new ObjectName(
        DOMAIN
            + ":type=task-healer,connector="
            + quoteIfNeeded(task.connector())
            + ",task="
            + task.task());
  }

  private static String quoteIfNeeded(String value) {
    return value.matches("[A-Za-z0-9._-]+") ? value : ObjectName.quote(value);
  }

  @Override
  public void close() {
    for (TaskId task : stats.keySet()) {
      try {
        server.unregisterMBean(objectName(task));
      } catch (JMException e) {
        log.debug("Couldn't unregister the healer metrics of task {}: {}", task, e.toString());
      }
    }
    stats.clear();
  }
}
