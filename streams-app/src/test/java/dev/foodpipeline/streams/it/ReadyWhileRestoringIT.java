package dev.foodpipeline.streams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.foodpipeline.infra.KafkaBroker;
import dev.foodpipeline.streams.CurrentApp;
import dev.foodpipeline.streams.StreamsApp;
import dev.foodpipeline.streams.StreamsSettings;
import dev.foodpipeline.streams.http.HttpApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /ready} on a real broker while a store is restored: an instance with an empty state
 * directory takes over a task whose store has a populated changelog, and answers 503 naming the
 * changelog partition until the store is restored, then 200. (With Kafka 4.4's state updater the
 * client itself stays REBALANCING until its active tasks are restored; {@code /ready} checks both.)
 */
class ReadyWhileRestoringIT {
  private static final Logger log = LoggerFactory.getLogger(ReadyWhileRestoringIT.class);
  private static final String APPLICATION = "ready-restore-it";
  private static final String INPUT = "ready-restore-input";
  private static final String STORE = "ready-restore-store";
  private static final String CHANGELOG = APPLICATION + "-" + STORE + "-changelog";
  private static final int RECORDS = 20_000;

  @TempDir Path firstStateDir;
  @TempDir Path emptyStateDir;

  @Test
  void readyIs503NamingTheChangelogWhileTheStoreRestoresThen200() throws Exception {
    try (KafkaBroker broker = KafkaBroker.start();
        StringTopics topics = new StringTopics(broker.bootstrapServers())) {
      topics.create(INPUT);
      topics.send(INPUT, IntStream.range(0, RECORDS).mapToObj(i -> "key-" + i).toList());
      try (StreamsApp first = new StreamsApp(settings(broker, "a", firstStateDir), table())) {
        first.start();
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> topics.readCommitted(CHANGELOG).size() >= RECORDS);
      }

      CurrentApp current = new CurrentApp();
      try (HttpApi http = HttpApi.start(settings(broker, "b", emptyStateDir), current);
          StreamsApp second = new StreamsApp(http.settings(), table())) {
        current.running(second);
        List<Instance.Reply> restoring = new CopyOnWriteArrayList<>();
        second.start();
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(20))
            .until(
                () -> {
                  Instance.Reply ready = Instance.get(http.url(), "/ready");
                  if (ready.status() == 503 && !ready.json().path("restoring").isEmpty()) {
                    restoring.add(ready);
                  }
                  return !restoring.isEmpty();
                });
        Instance.Reply during = restoring.get(0);
        log.info("/ready while restoring: {}", during.json());
        assertThat(during.json().path("ready").asBoolean()).isFalse();
        assertThat(during.json().path("restoring").get(0).asText()).isEqualTo(CHANGELOG + "-0");

        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> Instance.get(http.url(), "/ready").status() == 200);
        Instance.Reply after = Instance.get(http.url(), "/ready");
        assertThat(after.json().path("restoring")).isEmpty();
        assertThat(second.restoring()).isEmpty();
      }
    }
  }

  private static StreamsSettings settings(KafkaBroker broker, String instance, Path stateDir) {
    return StreamsSettings.builder()
        .flag("--bootstrap-servers", broker.bootstrapServers())
        .flag("--application-id", APPLICATION)
        .flag("--instance-id", instance)
        .flag("--state-dir", stateDir)
        .flag("--http-port", 0)
        // Small restore batches, so that the restore of 20k records lasts long enough to be seen
        // by a poll every 20 ms: in batches of 100 it once took about 0.3 s, and no poll saw it.
        .config("restore.consumer.max.poll.records", "10")
        .build();
  }

  /** A table of the input, materialised in a store with a changelog. */
  private static Topology table() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.table(
        INPUT,
        Consumed.with(Serdes.String(), Serdes.String()).withName("read"),
        Materialized.as(STORE));
    return builder.build();
  }
}
