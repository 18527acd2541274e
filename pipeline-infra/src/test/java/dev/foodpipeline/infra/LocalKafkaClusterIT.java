package dev.foodpipeline.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.infra.stack.LocalStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three LocalKafka processes as {@code scripts/local-stack up --brokers 3} runs them (the local
 * stack's broker file, then three-brokers.properties, a static quorum, one cluster id, kafka.jvm):
 * a topic of replication factor 3 takes acks=all writes while the leader of its partition 0 is
 * killed with SIGKILL; another node must take the leadership over, and every acknowledged record
 * must be readable afterwards. Opt-in (three broker JVMs on a 2-core machine): {@code
 * -Dfood.cluster=true}.
 */
@EnabledIfSystemProperty(named = "food.cluster", matches = "true")
class LocalKafkaClusterIT {

  private static final String SERVER_PROPERTIES =
      System.getProperty("infra.it.serverProperties", "config/kafka/server.properties");
  private static final Path CLUSTER_PROPERTIES =
      Path.of(SERVER_PROPERTIES).resolveSibling("three-brokers.properties");
  private static final Duration READY = Duration.ofSeconds(240);
  private static final String TOPIC = "cluster-it";

  @TempDir Path directory;

  private final List<Process> nodes = new ArrayList<>();

  @AfterEach
  void stopNodes() {
    nodes.forEach(Process::destroyForcibly);
  }

  @Test
  void acknowledgedWritesSurviveTheLeadersKill() throws Exception {
    int[] clientPorts = {Ports.free(), Ports.free(), Ports.free()};
    int[] controllerPorts = {Ports.free(), Ports.free(), Ports.free()};
    String voters =
        IntStream.range(0, 3)
            .mapToObj(i -> (i + 1) + "@127.0.0.1:" + controllerPorts[i])
            .collect(Collectors.joining(","));
    String bootstrap =
        IntStream.of(clientPorts).mapToObj(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    String clusterId = Uuid.randomUuid().toString();
    for (int i = 0; i < 3; i++) {
      nodes.add(startNode(i + 1, clusterId, clientPorts[i], controllerPorts[i], voters));
    }
    for (int i = 0; i < 3; i++) {
      awaitLine(directory.resolve("node-" + (i + 1) + ".log"), "Kafka ready on", READY);
    }

    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 3))).all().get();
      ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
      assertThat(
              admin
                  .describeConfigs(List.of(topic))
                  .all()
                  .get()
                  .get(topic)
                  .get("min.insync.replicas")
                  .value())
          .as("min.insync.replicas, the cluster's default")
          .isEqualTo("2");
      TopicPartitionInfo before = partitionZero(admin);
      assertThat(before.replicas()).hasSize(3);
      assertThat(before.isr()).hasSize(3);
      int leader = before.leader().id();

      Set<String> acknowledged = ConcurrentHashMap.newKeySet();
      AtomicReference<Exception> sendError = new AtomicReference<>();
      AtomicBoolean stop = new AtomicBoolean();
      Thread load = new Thread(() -> produce(bootstrap, acknowledged, sendError, stop), "load");
      load.start();
      awaitCount(acknowledged, 500);
      nodes.get(leader - 1).destroyForcibly().waitFor();
      int ackedAtKill = acknowledged.size();

      TopicPartitionInfo after = awaitNewLeader(admin, leader);
      assertThat(after.leader().id()).as("the new leader of partition 0").isNotEqualTo(leader);
      assertThat(after.isr()).as("the ISR without the killed node").hasSize(2);
      awaitCount(acknowledged, ackedAtKill + 500);
      stop.set(true);
      load.join(Duration.ofSeconds(120).toMillis());
      assertThat(sendError.get()).as("acks=all sends with 2 of 3 in sync").isNull();

      Set<String> read = readAll(bootstrap);
      assertThat(read).as("every acknowledged record").containsAll(acknowledged);
    }
  }

  private Process startNode(int id, String clusterId, int port, int controller, String voters)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(LocalStack.load().component("kafka").jvm());
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            LocalKafka.class.getName(),
            "--broker-config",
            SERVER_PROPERTIES,
            "--log-dir",
            directory.resolve("kafka-" + id).toString(),
            "--node-id",
            String.valueOf(id),
            "--cluster-id",
            clusterId,
            "--ready-timeout",
            String.valueOf(READY.toSeconds()),
            "-c",
            "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
            "-c",
            "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
            "-c",
            "controller.quorum.voters=" + voters,
            "-c",
            "controller.quorum.bootstrap.servers=" + voters.replaceAll("(^|,)\\d+@", "$1")));
    Properties cluster = Utils.loadProps(CLUSTER_PROPERTIES.toString());
    for (String key : cluster.stringPropertyNames()) {
      command.addAll(List.of("-c", key + "=" + cluster.getProperty(key)));
    }
    Path log = directory.resolve("node-" + id + ".log");
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static void produce(
      String bootstrap,
      Set<String> acknowledged,
      AtomicReference<Exception> sendError,
      AtomicBoolean stop) {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            120_000,
            ProducerConfig.LINGER_MS_CONFIG,
            5);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      for (int n = 0; !stop.get(); n++) {
        String value = "record-" + n;
        producer.send(
            new ProducerRecord<>(TOPIC, value, value),
            (metadata, error) -> {
              if (error == null) {
                acknowledged.add(value);
              } else {
                sendError.compareAndSet(null, error);
              }
            });
        if (n % 50 == 49) {
          producer.flush();
        }
      }
      producer.flush();
    }
  }

  private static Set<String> readAll(String bootstrap) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    Set<String> values = new HashSet<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          IntStream.range(0, 3).mapToObj(p -> new TopicPartition(TOPIC, p)).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
          && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          values.add(record.value());
        }
      }
    }
    return values;
  }

  private static TopicPartitionInfo partitionZero(Admin admin) throws Exception {
    TopicDescription description =
        admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);
    return description.partitions().get(0);
  }

  private static TopicPartitionInfo awaitNewLeader(Admin admin, int killed) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    TopicPartitionInfo partition = partitionZero(admin);
    while ((partition.leader() == null
            || partition.leader().id() == killed
            || partition.isr().size() > 2)
        && System.nanoTime() < deadline) {
      Thread.sleep(250);
      partition = partitionZero(admin);
    }
    return partition;
  }

  private static void awaitCount(Set<String> acknowledged, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (acknowledged.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(acknowledged.size()).as("acknowledged writes").isGreaterThanOrEqualTo(count);
  }

  private static void awaitLine(Path log, String text, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "no '"
            + text
            + "' in "
            + log
            + " within "
            + timeout.toSeconds()
            + " s:\n"
            + (Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no log)"));
  }
}
