package dev.foodpipeline.streams;

import org.apache.kafka.streams.StreamsConfig;

/**
 * The typed settings of the app: each has a flag, an environment variable and, where Kafka has one,
 * the Kafka Streams property it sets. A value is taken from the flag, else the environment
 * variable, else the Kafka property given through {@code --config}/{@code FOOD_STREAMS_CONFIG_*}/
 * {@code --config-file}, else the default.
 */
public enum Setting {
  BOOTSTRAP_SERVERS("--bootstrap-servers", StreamsConfig.BOOTSTRAP_SERVERS_CONFIG),
  APPLICATION_ID("--application-id", StreamsConfig.APPLICATION_ID_CONFIG),
  THREADS("--threads", StreamsConfig.NUM_STREAM_THREADS_CONFIG),
  STATE_DIR("--state-dir", StreamsConfig.STATE_DIR_CONFIG),
  INSTANCE_ID("--instance-id", null),
  COMMIT_INTERVAL_MS("--commit-interval-ms", StreamsConfig.COMMIT_INTERVAL_MS_CONFIG),
  CLOSE_TIMEOUT_MS("--close-timeout-ms", null),
  HTTP_HOST("--http-host", null),
  HTTP_PORT("--http-port", null),
  ADVERTISED_HOST("--advertised-host", null),
  STATIC_MEMBERSHIP("--static-membership", null),
  DEDUP_RETENTION_MS("--dedup-retention-ms", null),
  STATS_GRACE_MS("--stats-grace-ms", null),
  ROCKSDB_MEMORY_MB("--rocksdb-memory-mb", null),
  CONFIG_FILE("--config-file", null);

  /** Prefix of every environment variable of the app. */
  public static final String ENV_PREFIX = "FOOD_STREAMS_";

  /**
   * Prefix of environment variables that pass a Kafka property: {@code
   * FOOD_STREAMS_CONFIG_NUM_STANDBY_REPLICAS=1}.
   */
  public static final String ENV_CONFIG_PREFIX = ENV_PREFIX + "CONFIG_";

  private final String flag;
  private final String kafkaProperty;

  Setting(String flag, String kafkaProperty) {
    this.flag = flag;
    this.kafkaProperty = kafkaProperty;
  }

  public String flag() {
    return flag;
  }

  /** {@code FOOD_STREAMS_} + the flag in upper snake case, e.g. {@code FOOD_STREAMS_THREADS}. */
  public String envVar() {
    return ENV_PREFIX + flag.substring(2).replace('-', '_').toUpperCase(java.util.Locale.ROOT);
  }

  /** The Kafka Streams property this setting sets, or null. */
  public String kafkaProperty() {
    return kafkaProperty;
  }

  /**
   * The Kafka property named by a {@code FOOD_STREAMS_CONFIG_*} variable: lower case, {@code _} as
   * {@code .}.
   */
  static String propertyOfEnvVar(String envVar) {
    return envVar
        .substring(ENV_CONFIG_PREFIX.length())
        .toLowerCase(java.util.Locale.ROOT)
        .replace('_', '.');
  }
}
