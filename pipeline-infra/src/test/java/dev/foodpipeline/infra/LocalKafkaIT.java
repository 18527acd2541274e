package dev.foodpipeline.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaIT {

  private static final String SERVER_PROPERTIES =
      System.getProperty("infra.it.serverProperties", "config/kafka/server.properties");

  @TempDir Path directory;

  @Test
  void runsTheLocalStackConfigAndKeepsTopicsAcrossARestart() throws Exception {
    int port = Ports.free();
    int controllerPort = Ports.free();
    String bootstrap = "127.0.0.1:" + port;
    String[] args = {
      "--broker-config", SERVER_PROPERTIES,
      "--log-dir", directory.resolve("kafka").toString(),
      "-c", "listeners=PLAINTEXT://" + bootstrap + ",CONTROLLER://127.0.0.1:" + controllerPort,
      "-c", "advertised.listeners=PLAINTEXT://" + bootstrap,
      "--set", "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
    };

    try (BackgroundCommand first = BackgroundCommand.start(LocalKafka::new, args)) {
      assertThat(first.awaitOutput("Kafka ready on", Duration.ofSeconds(90)))
          .contains("Kafka ready on " + bootstrap);
      try (Admin admin = admin(bootstrap)) {
        admin.createTopics(List.of(new NewTopic("food-orders", 3, (short) 1))).all().get();
      }
      assertThat(first.stop()).isZero();
      assertThat(first.out()).contains("Kafka stopped");
    }

    try (BackgroundCommand second = BackgroundCommand.start(LocalKafka::new, args)) {
      second.awaitOutput("Kafka ready on", Duration.ofSeconds(90));
      try (Admin admin = admin(bootstrap)) {
        assertThat(
                admin
                    .describeTopics(List.of("food-orders"))
                    .allTopicNames()
                    .get()
                    .get("food-orders")
                    .partitions())
            .hasSize(3);
      }
      assertThat(second.stop()).isZero();
    }
  }

  private static Admin admin(String bootstrap) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }
}
