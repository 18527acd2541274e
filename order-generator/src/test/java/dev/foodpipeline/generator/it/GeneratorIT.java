package dev.foodpipeline.generator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.foodpipeline.generator.GeneratedOrder;
import dev.foodpipeline.generator.GenerationSpec;
import dev.foodpipeline.generator.OrderFactory;
import dev.foodpipeline.generator.cli.GeneratorCommand;
import dev.foodpipeline.generator.cli.GeneratorEnvironment;
import dev.foodpipeline.infra.KafkaBroker;
import dev.foodpipeline.infra.Ports;
import dev.foodpipeline.model.Restaurant;
import dev.foodpipeline.model.catalog.RestaurantCatalog;
import dev.foodpipeline.model.topics.Topic;
import dev.foodpipeline.model.topics.Topics;
import dev.foodpipeline.shell.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI against a real KRaft broker in this JVM, and against a port where no broker listens. */
class GeneratorIT {
  private static KafkaBroker broker;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  private int run(GeneratorEnvironment environment, String... args) {
    CommandLine command = GeneratorCommand.newCommandLine(environment);
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  private int run(String... args) {
    return run(GeneratorEnvironment.system(), args);
  }

  @Test
  void produceWritesTheSeededOrdersAcrossThePartitionsAndPublishesTheRestaurants() {
    Clock clock = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);

    int exit =
        run(
            GeneratorEnvironment.system().withClock(clock),
            "produce",
            "--bootstrap-servers",
            broker.bootstrapServers(),
            "--count",
            "200",
            "--seed",
            "7",
            "--rate",
            "0");

    assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .containsPattern("sent\\s+200\n")
        .containsPattern("acknowledged\\s+200\n")
        .containsPattern("failed\\s+0\n")
        .contains("published       20 restaurants (seed 7) to restaurants");

    // Other tests write to the same broker: keep the records of seed 7.
    List<ConsumerRecord<String, byte[]>> orders =
        readAll(Topics.FOOD_ORDERS, 200).stream().filter(r -> r.key().startsWith("o-7-")).toList();
    assertThat(orders.stream().map(ConsumerRecord::partition).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(0, 1, 2);
    assertThat(orders).hasSize(200);
    // A duplicate-order-id record shares its key with the order it copies, and follows it in the
    // key's partition: compare each key's records in send order.
    Map<String, List<byte[]>> byKey =
        orders.stream()
            .collect(
                Collectors.groupingBy(
                    ConsumerRecord::key,
                    Collectors.mapping(ConsumerRecord::value, Collectors.toList())));
    Map<String, List<byte[]>> expected =
        new OrderFactory(GenerationSpec.of(7, 0.1), clock)
            .generate(1, 200)
            .collect(
                Collectors.groupingBy(
                    GeneratedOrder::key,
                    Collectors.mapping(GeneratedOrder::value, Collectors.toList())));
    assertThat(byKey.keySet()).isEqualTo(expected.keySet());
    expected.forEach(
        (key, values) -> assertThat(byKey.get(key)).as(key).containsExactlyElementsOf(values));

    List<ConsumerRecord<String, Restaurant>> restaurants = readAll(Topics.RESTAURANTS, 20);
    assertThat(restaurants.stream().map(ConsumerRecord::value))
        .containsExactlyElementsOf(RestaurantCatalog.generate(7).restaurants());
    assertThat(restaurants.stream().map(ConsumerRecord::key))
        .allMatch(key -> key.matches("r-0\\d\\d"));
  }

  @Test
  void topicsIsIdempotentAndFollowsTheOneBrokerCluster() throws Exception {
    assertThat(run("topics", "-b", broker.bootstrapServers())).as(err.toString()).isZero();
    out.getBuffer().setLength(0);

    assertThat(run("topics", "-b", broker.bootstrapServers())).as(err.toString()).isZero();
    assertThat(out.toString().lines().findFirst())
        .hasValue(
            "durability      replication factor 1, min.insync.replicas 1 (for topics it creates)");
    assertThat(out.toString().lines().skip(1).toList())
        .startsWith(
            "already exists  restaurants (1 partition)",
            "already exists  food-orders (3 partitions)",
            "already exists  food-orders-processed (3 partitions)",
            "already exists  food-order-items (3 partitions)",
            "already exists  food-orders-rejected (3 partitions)")
        .hasSize(Topics.all().size())
        .allMatch(line -> line.startsWith("already exists  "));
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      ConfigResource dlq =
          new ConfigResource(ConfigResource.Type.TOPIC, Topics.FOOD_SINK_DLQ.name());
      Config config = admin.describeConfigs(List.of(dlq)).all().get().get(dlq);
      assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).isEqualTo("1");
      assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).source())
          .as("set on the topic, not inherited from the broker")
          .isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
    }
  }

  @Test
  void produceWithoutSetupUsesTheExistingTopicsAndTheUsersClientSettings(@TempDir Path dir)
      throws IOException {
    assertThat(run("topics", "-b", broker.bootstrapServers())).isZero();
    Path config = dir.resolve("client.properties");
    Files.writeString(config, "compression.type=lz4\nlinger.ms=20\n");

    int exit =
        run(
            "produce",
            "-b",
            broker.bootstrapServers(),
            "--no-setup",
            "--count",
            "30",
            "--rate",
            "100",
            "--seed",
            "99",
            "--start-sequence",
            "5000",
            "--producer-config",
            config.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).containsPattern("acknowledged\\s+30\n").doesNotContain("published");
    assertThat(readAll(Topics.FOOD_ORDERS, 0).stream().map(ConsumerRecord::key))
        .contains(OrderFactory.orderId(99, 5000), OrderFactory.orderId(99, 5029));
  }

  @Test
  void aBadClientSettingIsAUsageError(@TempDir Path dir) throws IOException {
    Path config = dir.resolve("client.properties");
    Files.writeString(config, "acks=maybe\n");
    assertThat(run("topics", "-b", broker.bootstrapServers())).isZero();
    err.getBuffer().setLength(0);

    assertThat(
            run(
                "restaurants",
                "-b",
                broker.bootstrapServers(),
                "--producer-config",
                config.toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).startsWith("Invalid Kafka client setting: ").contains("acks");
    assertThat(err.toString().lines()).hasSize(1);
  }

  @Test
  void anUnreachableBrokerEndsWithinTheTimeoutInOneLine() {
    String closedPort = "127.0.0.1:" + Ports.free();
    for (String command : List.of("topics", "restaurants", "produce")) {
      out.getBuffer().setLength(0);
      err.getBuffer().setLength(0);
      long started = System.nanoTime();

      List<String> args =
          new ArrayList<>(List.of(command, "--bootstrap-servers", closedPort, "--timeout", "2s"));
      if (command.equals("produce")) {
        args.addAll(List.of("--count", "5"));
      }
      int exit = run(args.toArray(String[]::new));

      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertThat(exit).as(command).isEqualTo(ExitCodes.UNREACHABLE);
      assertThat(err.toString())
          .as(command)
          .isEqualTo(
              "Couldn't reach Kafka at " + closedPort + " within 2 s" + System.lineSeparator());
      assertThat(out.toString()).as(command).isEmpty();
      assertThat(took).as(command).isLessThan(Duration.ofSeconds(10));
    }
  }

  @Test
  void anAddressThatDoesNotResolveIsUnreachable() {
    String nowhere = "no-such-host.invalid:9092";
    assertThat(run("topics", "-b", nowhere, "--timeout", "2s")).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(err.toString()).startsWith("Couldn't reach Kafka at " + nowhere);
    assertThat(err.toString().lines()).hasSize(1);
  }

  /** Every record of a topic, once at least {@code atLeast} are there. */
  private static <V> List<ConsumerRecord<String, V>> readAll(Topic<String, V> topic, int atLeast) {
    Map<String, Object> props =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "it-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    try (KafkaConsumer<String, V> consumer =
        new KafkaConsumer<>(
            props, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (int p = 0; p < topic.partitions(); p++) {
        partitions.add(new TopicPartition(topic.name(), p));
      }
      consumer.assign(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, V>> records = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                Set<TopicPartition> behind =
                    partitions.stream()
                        .filter(tp -> consumer.position(tp) < end.get(tp))
                        .collect(Collectors.toSet());
                return behind.isEmpty() && records.size() >= atLeast;
              });
      return records;
    }
  }
}
