package dev.foodpipeline.streams.bench;

import dev.foodpipeline.model.topics.Topics;
import dev.foodpipeline.shell.StreamsRuntimeOptions;
import dev.foodpipeline.shell.streams.CommitPacer;
import dev.foodpipeline.shell.streams.StreamsRuntime;
import dev.foodpipeline.streams.topology.TopologySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * A benchmark's yardstick, not part of the pipeline: the cheapest Kafka Streams stage on the
 * pipeline's input, a topology that copies each record of {@code food-orders} as bytes to another
 * topic, with the Streams app's processing guarantee ({@code exactly_once_v2}), commit interval,
 * commit pacing ({@link CommitPacer}) and thread count ({@link StreamsRuntime}). {@code
 * scripts/bench-pipeline} times it next to the Streams app on the same records (P4,
 * docs/benchmarks.md).
 *
 * <pre>
 * java -cp streams-app.jar dev.foodpipeline.streams.bench.PassThrough BOOTSTRAP APPLICATION_ID THREADS STATE_DIR TARGET_TOPIC
 * </pre>
 *
 * <p>Creates the target topic (the partitions of {@code food-orders}, replication factor 1) when
 * missing, then runs until SIGTERM; prints {@code PassThrough RUNNING} once it runs.
 */
public final class PassThrough {
  static final String USAGE =
      "usage: PassThrough BOOTSTRAP_SERVERS APPLICATION_ID THREADS STATE_DIR TARGET_TOPIC";

  private PassThrough() {}

  /** The settings of a pass-through instance: the Streams app's defaults where it has one. */
  record Settings(
      String bootstrapServers, String applicationId, int threads, Path stateDir, String target)
      implements StreamsRuntime {

    static Settings parse(List<String> args) {
      if (args.size() != 5) {
        throw new IllegalArgumentException(USAGE);
      }
      int threads;
      try {
        threads = Integer.parseInt(args.get(2));
      } catch (NumberFormatException e) {
        threads = 0;
      }
      if (threads < 1) {
        throw new IllegalArgumentException(
            "THREADS must be a whole number >= 1, got " + args.get(2));
      }
      return new Settings(args.get(0), args.get(1), threads, Path.of(args.get(3)), args.get(4));
    }

    @Override
    public Duration commitInterval() {
      return Duration.ofMillis(Long.parseLong(StreamsRuntimeOptions.COMMIT_INTERVAL_MS));
    }

    /** The Streams app's {@code --commit-after-records} default. */
    int commitAfterRecords() {
      return TopologySettings.DEFAULT_COMMIT_AFTER_RECORDS;
    }

    @Override
    public Map<String, String> config() {
      return Map.of();
    }
  }

  /**
   * food-orders to {@code target}, bytes in, bytes out, each stream thread asking for a commit
   * after {@code commitAfterRecords} records as the app's first processor does.
   */
  public static Topology build(String target, int commitAfterRecords) {
    StreamsBuilder builder = new StreamsBuilder();
    CommitPacer pacer = new CommitPacer(commitAfterRecords);
    builder.stream(
            Topics.FOOD_ORDERS.name(),
            Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("read-orders"))
        .processValues(() -> paced(pacer), Named.as("pace-commits"))
        .to(target, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("copy-orders"));
    return builder.build();
  }

  /** Forwards each record as it is and counts it for the task's commits. */
  private static FixedKeyProcessor<byte[], byte[], byte[]> paced(CommitPacer pacer) {
    return new FixedKeyProcessor<>() {
      private FixedKeyProcessorContext<byte[], byte[]> context;

      @Override
      public void init(FixedKeyProcessorContext<byte[], byte[]> context) {
        this.context = context;
      }

      @Override
      public void process(FixedKeyRecord<byte[], byte[]> record) {
        context.forward(record);
        pacer.read(context);
      }
    };
  }

  public static void main(String[] args) throws Exception {
    Settings settings;
    try {
      settings = Settings.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println("PassThrough: " + e.getMessage());
      System.exit(2);
      return;
    }
    createTarget(settings);
    Properties properties = settings.streamsProperties(settings.applicationId());
    KafkaStreams streams =
        new KafkaStreams(build(settings.target(), settings.commitAfterRecords()), properties);
    CountDownLatch stopped = new CountDownLatch(1);
    streams.setStateListener(
        (now, before) -> {
          System.out.println("PassThrough " + now);
          if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
            stopped.countDown();
          }
        });
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  streams.close(Duration.ofSeconds(30));
                  stopped.countDown();
                }));
    streams.start();
    stopped.await();
  }

  private static void createTarget(Settings settings) throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()))) {
      admin
          .createTopics(
              List.of(new NewTopic(settings.target(), Topics.FOOD_ORDERS.partitions(), (short) 1)))
          .all()
          .get();
    } catch (java.util.concurrent.ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }
}
