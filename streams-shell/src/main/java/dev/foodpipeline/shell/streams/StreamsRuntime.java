package dev.foodpipeline.shell.streams;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The settings every Kafka Streams program of the pipeline has (app-shell's {@code
 * StreamsRuntimeOptions} are their flags), and the Kafka Streams properties they make. A program's
 * settings record implements it with the components of these names and adds its own properties to
 * {@link #streamsProperties}.
 */
public interface StreamsRuntime {
  String bootstrapServers();

  String applicationId();

  int threads();

  Path stateDir();

  Duration commitInterval();

  /** The Kafka properties passed through ({@code -c KEY=VALUE}, {@code kafka.*} in the file). */
  Map<String, String> config();

  /**
   * The Kafka Streams properties of these settings: the passthrough {@link #config()} first, then
   * the typed settings (which win over it), then {@code exactly_once_v2} and {@code clientId} with
   * {@code putIfAbsent} (so a passed-through value wins over them).
   */
  default Properties streamsProperties(String clientId) {
    Properties properties = new Properties();
    properties.putAll(config());
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId());
    properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(threads()));
    properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir().toString());
    properties.put(
        StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(commitInterval().toMillis()));
    properties.putIfAbsent(
        StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    properties.putIfAbsent(StreamsConfig.CLIENT_ID_CONFIG, clientId);
    return properties;
  }
}
