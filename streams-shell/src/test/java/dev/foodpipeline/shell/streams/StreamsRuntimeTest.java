package dev.foodpipeline.shell.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsRuntimeTest {

  record Settings(
      String bootstrapServers,
      String applicationId,
      int threads,
      Path stateDir,
      Duration commitInterval,
      Map<String, String> config)
      implements StreamsRuntime {}

  @Test
  void theTypedSettingsBecomeTheirPropertiesWithExactlyOnceAndTheClientId() {
    Properties properties =
        new Settings(
                "kafka:9092", "some-app", 3, Path.of("/tmp/s"), Duration.ofMillis(250), Map.of())
            .streamsProperties("some-app-1");

    assertThat(properties)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
                "kafka:9092",
                StreamsConfig.APPLICATION_ID_CONFIG,
                "some-app",
                StreamsConfig.NUM_STREAM_THREADS_CONFIG,
                "3",
                StreamsConfig.STATE_DIR_CONFIG,
                Path.of("/tmp/s").toString(),
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                "250",
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                StreamsConfig.EXACTLY_ONCE_V2,
                StreamsConfig.CLIENT_ID_CONFIG,
                "some-app-1",
                "consumer.max.partition.fetch.bytes",
                "262144"));
    new StreamsConfig(properties);
  }

  @Test
  void aPassedThroughValueWinsOverTheDefaultsButNotOverATypedSetting() {
    Properties properties =
        oneThreadPassingThrough(
            Map.of(
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                StreamsConfig.AT_LEAST_ONCE,
                StreamsConfig.CLIENT_ID_CONFIG,
                "mine",
                StreamsConfig.NUM_STREAM_THREADS_CONFIG,
                "9",
                "security.protocol",
                "SSL"));

    assertThat(properties)
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE)
        .containsEntry(StreamsConfig.CLIENT_ID_CONFIG, "mine")
        .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1")
        .containsEntry("security.protocol", "SSL");
  }

  @Test
  void anUnprefixedFetchSizePassedThroughIsNotOverriddenByTheDefault() {
    Properties properties = oneThreadPassingThrough(Map.of("max.partition.fetch.bytes", "1048576"));

    assertThat(properties)
        .containsEntry("max.partition.fetch.bytes", "1048576")
        .doesNotContainKey("consumer.max.partition.fetch.bytes");
  }

  /** The properties of one thread of {@code some-app} with {@code config} passed through. */
  private static Properties oneThreadPassingThrough(Map<String, String> config) {
    return new Settings("kafka:9092", "some-app", 1, Path.of("/tmp/s"), Duration.ZERO, config)
        .streamsProperties("some-app-1");
  }
}
