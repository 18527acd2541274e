package dev.foodpipeline.shell.streams;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The settings every Kafka Streams program of the pipeline has (app-shell's {@code
 * StreamsRuntimeOptions} are their flags), and the Kafka Streams properties they make. A program's
 * settings record implements it with the components of these names and adds its own properties to
 * {@link #streamsProperties}.
 */
public interface StreamsRuntime {
  /**
   * The most a fetch returns per partition, for every consumer of a program (Kafka's default: 1
   * MiB). Behind at full rate, each fetch response is that big: its bytes wait on the heap until
   * the records are processed, and the JDK keeps a direct buffer of the largest socket read per
   * thread. With 1 MiB the notification service's 64 MiB heap ran out while it allocated a fetch
   * response, 5,000 orders/s behind (docs/memory-budget.md). 256 KiB is still a few hundred records
   * per partition.
   */
  String DEFAULT_MAX_PARTITION_FETCH_BYTES = "262144";

  String bootstrapServers();

  String applicationId();

  int threads();

  Path stateDir();

  Duration commitInterval();

  /** The Kafka properties passed through ({@code -c KEY=VALUE}, {@code kafka.*} in the file). */
  Map<String, String> config();

  /**
   * The Kafka Streams properties of these settings: the passthrough {@link #config()} first, then
   * the typed settings (which win over it), then {@code exactly_once_v2}, {@code clientId} and
   * {@link #DEFAULT_MAX_PARTITION_FETCH_BYTES} for every consumer with {@code putIfAbsent} (so a
   * passed-through value wins over them; an unprefixed {@code max.partition.fetch.bytes} too).
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
    // A prefixed value would override an unprefixed one, so set none when one was passed.
    if (!properties.containsKey(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG)) {
      properties.putIfAbsent(
          StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG),
          DEFAULT_MAX_PARTITION_FETCH_BYTES);
    }
    return properties;
  }
}
