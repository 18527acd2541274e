package dev.foodpipeline.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KafkaBrokerIT {

  private static KafkaBroker broker;
  private static Admin admin;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.start(Map.of("transaction.max.timeout.ms", "60000"));
    admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
  }

  @AfterAll
  static void stopBroker() {
    if (admin != null) {
      admin.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void listensOnLoopback() {
    assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
  }

  @Test
  void readCommittedConsumerSeesCommittedTransactionsAndNeverAbortedOnes() throws Exception {
    admin.createTopics(List.of(new NewTopic("tx-orders", 3, (short) 1))).all().get();

    try (KafkaProducer<String, String> producer = transactionalProducer("tx-it")) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("tx-orders", "o-1", "committed-1"));
      producer.send(new ProducerRecord<>("tx-orders", "o-2", "committed-2"));
      producer.commitTransaction();

      producer.beginTransaction();
      producer.send(new ProducerRecord<>("tx-orders", "o-3", "aborted"));
      producer.flush();
      producer.abortTransaction();

      producer.beginTransaction();
      producer.send(new ProducerRecord<>("tx-orders", "o-4", "committed-3"));
      producer.commitTransaction();
    }

    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = readCommittedConsumer()) {
      consumer.subscribe(List.of("tx-orders"));
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                for (ConsumerRecord<String, String> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  values.add(record.value());
                }
                return values.size() >= 3;
              });
    }
    assertThat(values).containsExactlyInAnyOrder("committed-1", "committed-2", "committed-3");
  }

  @Test
  void doesNotCreateTopicsOnFirstUse() {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                "2000"),
            new StringSerializer(),
            new StringSerializer())) {
      assertThatThrownBy(() -> producer.send(new ProducerRecord<>("never-created", "k", "v")).get())
          .isInstanceOf(ExecutionException.class);
    }
    assertThatThrownBy(() -> admin.describeTopics(Set.of("never-created")).allTopicNames().get())
        .hasCauseInstanceOf(UnknownTopicOrPartitionException.class);
  }

  @Test
  void aRestartedBrokerKeepsItsAddressTopicsAndRecords() throws Exception {
    KafkaBroker first = KafkaBroker.start();
    KafkaBroker restarted = null;
    try {
      String bootstrap = first.bootstrapServers();
      try (Admin own =
          Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
        own.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
      }
      send(bootstrap, "before");

      restarted = first.restart();

      assertThat(restarted.bootstrapServers()).isEqualTo(bootstrap);
      send(bootstrap, "after");
      List<String> values = new ArrayList<>();
      try (KafkaConsumer<String, String> consumer =
          new KafkaConsumer<>(
              Map.of(
                  ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                  ConsumerConfig.GROUP_ID_CONFIG, "restart-reader",
                  ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
              new StringDeserializer(),
              new StringDeserializer())) {
        consumer.subscribe(List.of("kept"));
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> {
                  consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                  return values.size() >= 2;
                });
      }
      assertThat(values).containsExactly("before", "after");
    } finally {
      (restarted != null ? restarted : first).close();
    }
  }

  private static void send(String bootstrap, String value) throws Exception {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>("kept", "k", value)).get();
    }
  }

  private static KafkaProducer<String, String> transactionalProducer(String transactionalId) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ProducerConfig.TRANSACTIONAL_ID_CONFIG,
            transactionalId,
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            "true"),
        new StringSerializer(),
        new StringSerializer());
  }

  private static KafkaConsumer<String, String> readCommittedConsumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, "tx-reader",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new StringDeserializer(),
        new StringDeserializer());
  }
}
