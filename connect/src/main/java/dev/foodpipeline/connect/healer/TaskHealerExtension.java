package dev.foodpipeline.connect.healer;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.rest.ConnectRestExtension;
import org.apache.kafka.connect.rest.ConnectRestExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task healer inside the Connect worker: a REST extension (named in {@code
 * rest.extension.classes}, loaded from the plugin folder {@code food-task-healer}) that adds no
 * endpoint but starts one thread, {@code food-task-healer}, polling the cluster state every {@code
 * food.healer.poll.interval.ms} and restarting FAILED tasks with back-off ({@link TaskHealer}).
 * Settings: {@link HealerConfig}. An extension, not a separate process: it lives and dies with the
 * worker, in the local stack, the tests and the compose image alike.
 */
public final class TaskHealerExtension implements ConnectRestExtension {
  private static final Logger log = LoggerFactory.getLogger(TaskHealerExtension.class);

  private HealerConfig config;
  private WorkerAddress address;
  private ScheduledExecutorService scheduler;
  private HealerMetrics metrics;
  private volatile String lastPollError;

  @Override
  public void configure(Map<String, ?> workerConfig) {
    config = new HealerConfig(workerConfig);
    if (config.enabled()) {
      address = WorkerAddress.from(workerConfig); // an https listener is refused here, plainly
    }
  }

  @Override
  public void register(ConnectRestExtensionContext context) {
    if (!config.enabled()) {
      log.info("Task healer off ({}=false): FAILED tasks stay FAILED", HealerConfig.ENABLED);
      return;
    }
    BackoffPolicy policy = config.backoff();
    metrics = new HealerMetrics();
    TaskHealer healer =
        new TaskHealer(
            context.clusterState(),
            new RestTaskRestarter(address.restUrl()),
            policy,
            config.stable(),
            address.workerId(),
            System::currentTimeMillis,
            metrics);
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "food-task-healer");
              thread.setDaemon(true);
              return thread;
            });
    long every = config.pollInterval().toMillis();
    scheduler.scheduleWithFixedDelay(
        () -> pollQuietly(healer), every, every, TimeUnit.MILLISECONDS);
    log.info(
        "Task healer on: every {} ms, restarts through {} of the FAILED tasks of {}; back-off unit"
            + " {} s, at most {} s between restarts, gives up after {} restarts",
        every,
        address.restUrl(),
        address.workerId().map(id -> "worker " + id).orElse("every worker (one assumed)"),
        policy.unit().toSeconds(),
        policy.maxDelay().toSeconds(),
        policy.limit());
  }

  /** One poll; an error (the herder not ready yet, a rebalance) is logged once and retried. */
  private void pollQuietly(TaskHealer healer) {
    try {
      healer.poll();
      lastPollError = null;
    } catch (RuntimeException e) {
      String error = e.toString();
      if (!error.equals(lastPollError)) {
        log.warn("Task healer couldn't read the task states (tries again): {}", error);
      }
      lastPollError = error;
    }
  }

  @Override
  public ConfigDef config() {
    return HealerConfig.CONFIG_DEF;
  }

  @Override
  public String version() {
    String version = TaskHealerExtension.class.getPackage().getImplementationVersion();
    return version == null ? "unknown" : version;
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      try {
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (metrics != null) {
      metrics.close();
    }
  }
}
