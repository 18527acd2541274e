package dev.foodpipeline.connect.healer;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The healer's settings, {@code food.healer.*} in the worker config (the worker hands its whole
 * config to a REST extension; other keys are ignored).
 */
public final class HealerConfig extends AbstractConfig {
  public static final String ENABLED = "food.healer.enabled";
  public static final String POLL_INTERVAL_MS = "food.healer.poll.interval.ms";
  public static final String BACKOFF_UNIT_MS = "food.healer.backoff.unit.ms";
  public static final String BACKOFF_MAX_MS = "food.healer.backoff.max.ms";
  public static final String RESTART_LIMIT = "food.healer.restart.limit";
  public static final String STABLE_MS = "food.healer.stable.ms";

  public static final ConfigDef CONFIG_DEF =
      new ConfigDef()
          .define(
              ENABLED,
              Type.BOOLEAN,
              true,
              Importance.HIGH,
              "Whether failed tasks are restarted. Off: the extension does nothing.")
          .define(
              POLL_INTERVAL_MS,
              Type.LONG,
              2_000L,
              Range.atLeast(100),
              Importance.LOW,
              "How often the task states are read.")
          .define(
              BACKOFF_UNIT_MS,
              Type.LONG,
              10_000L,
              Range.atLeast(0),
              Importance.MEDIUM,
              "Restart n+1 of a task comes unit x n(n+1) after restart n (at most the cap).")
          .define(
              BACKOFF_MAX_MS,
              Type.LONG,
              60_000L,
              Range.atLeast(0),
              Importance.MEDIUM,
              "The longest wait between two restarts of a task: bounds the time from a fault"
                  + " gone to the task running.")
          .define(
              RESTART_LIMIT,
              Type.INT,
              30,
              Range.atLeast(1),
              Importance.MEDIUM,
              "Restarts that did not hold after which a task is given up (one ERROR line, the"
                  + " gave-up metric).")
          .define(
              STABLE_MS,
              Type.LONG,
              60_000L,
              Range.atLeast(0),
              Importance.LOW,
              "A task RUNNING this long counts as healed: its restart count starts again at 0.");

  public HealerConfig(Map<?, ?> workerConfig) {
    super(CONFIG_DEF, workerConfig, false);
  }

  public boolean enabled() {
    return getBoolean(ENABLED);
  }

  public Duration pollInterval() {
    return Duration.ofMillis(getLong(POLL_INTERVAL_MS));
  }

  public Duration stable() {
    return Duration.ofMillis(getLong(STABLE_MS));
  }

  public BackoffPolicy backoff() {
    return new BackoffPolicy(
        Duration.ofMillis(getLong(BACKOFF_UNIT_MS)),
        Duration.ofMillis(getLong(BACKOFF_MAX_MS)),
        getInt(RESTART_LIMIT));
  }
}
