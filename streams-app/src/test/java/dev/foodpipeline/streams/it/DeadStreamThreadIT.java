package dev.foodpipeline.streams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.foodpipeline.infra.KafkaBroker;
import dev.foodpipeline.streams.StreamsApp;
import dev.foodpipeline.streams.StreamsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's uncaught-exception handler on a real broker: a stream thread that dies of an {@link
 * Error} (which no processing handler catches, as the OutOfMemoryError of issue 13 did) is
 * replaced, the new thread processes the same input again under exactly-once, and everything after
 * it flows, each record once.
 */
class DeadStreamThreadIT {
  private static final Logger log = LoggerFactory.getLogger(DeadStreamThreadIT.class);
  private static final String INPUT = "dead-thread-input";
  private static final String OUTPUT = "dead-thread-output";
  private static final String POISON = "poison";

  @TempDir Path stateDir;

  /** Thrown once, on the poison record. */
  static final class Fatal extends Error {
    Fatal() {
      super("the stream thread dies here, once");
    }
  }

  @Test
  void aStreamThreadThatDiesIsReplacedAndProcessingContinuesExactlyOnce() throws Exception {
    AtomicBoolean armed = new AtomicBoolean(true);
    AtomicReference<String> died = new AtomicReference<>();
    AtomicLong diedAt = new AtomicLong();
    List<String> before = IntStream.range(0, 5).mapToObj(i -> "before-" + i).toList();
    List<String> after = IntStream.range(0, 5).mapToObj(i -> "after-" + i).toList();
    try (KafkaBroker broker = KafkaBroker.start();
        StringTopics topics = new StringTopics(broker.bootstrapServers())) {
      topics.create(INPUT, OUTPUT);
      StreamsSettings settings =
          StreamsSettings.builder()
              .flag("--bootstrap-servers", broker.bootstrapServers())
              .flag("--application-id", "dead-thread-it")
              .flag("--instance-id", "a")
              .flag("--state-dir", stateDir)
              // The dead static member's partitions wait for its session to expire (45 s by
              // default, measured 44-45 s): a shorter session keeps the build short.
              .config("session.timeout.ms", "10000")
              .build();
      try (StreamsApp app = new StreamsApp(settings, dyingOnce(armed, died, diedAt))) {
        app.start();
        app.awaitRunning(Duration.ofSeconds(60));
        List<String> firstThreads = threadNames(app);

        List<String> inputs = new ArrayList<>(before);
        inputs.add(POISON);
        inputs.addAll(after);
        topics.send(INPUT, inputs);

        await()
            .atMost(Duration.ofSeconds(90))
            .until(() -> topics.readCommitted(OUTPUT).size() >= inputs.size());
        long resumedMs = Duration.ofNanos(System.nanoTime() - diedAt.get()).toMillis();
        log.info("all {} records out {} ms after {} died", inputs.size(), resumedMs, died.get());
        assertThat(died.get()).as("the thread that died").isNotNull();
        assertThat(firstThreads).contains(died.get());
        assertThat(topics.readCommitted(OUTPUT)).containsExactlyElementsOf(inputs);
        await().atMost(Duration.ofSeconds(60)).until(app::isRunning);
        assertThat(threadNames(app))
            .as("as many threads as before, the dead one not among them")
            .hasSize(settings.threads())
            .doesNotContain(died.get());
      }
    }
  }

  /** Copies input to output; the first time it sees the poison record its thread dies. */
  private static Topology dyingOnce(
      AtomicBoolean armed, AtomicReference<String> died, AtomicLong diedAt) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(INPUT, Consumed.with(Serdes.String(), Serdes.String()).withName("read"))
        .peek(
            (key, value) -> {
              if (value.equals(POISON) && armed.compareAndSet(true, false)) {
                died.set(Thread.currentThread().getName());
                diedAt.set(System.nanoTime());
                throw new Fatal();
              }
            },
            Named.as("die-once"))
        .to(OUTPUT, Produced.with(Serdes.String(), Serdes.String()).withName("write"));
    return builder.build();
  }

  private static List<String> threadNames(StreamsApp app) {
    return app.kafkaStreams().metadataForLocalThreads().stream()
        .map(thread -> thread.threadName())
        .toList();
  }
}
