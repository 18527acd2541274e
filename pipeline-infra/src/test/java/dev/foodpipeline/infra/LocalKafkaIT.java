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

    // The second start also serves the broker's metrics (--metrics-port 0: any free port).
    String[] withMetrics =
        java.util.stream.Stream.concat(
                java.util.Arrays.stream(args), java.util.stream.Stream.of("--metrics-port", "0"))
            .toArray(String[]::new);
    try (BackgroundCommand second = BackgroundCommand.start(LocalKafka::new, withMetrics)) {
      second.awaitOutput("Kafka ready on", Duration.ofSeconds(90));
      String ready = second.awaitOutput("/metrics", Duration.ofSeconds(5));
      java.util.regex.Matcher url =
          java.util.regex.Pattern.compile("metrics on (http://\\S+/metrics)").matcher(ready);
      assertThat(url.find()).as(ready).isTrue();
      String metrics =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(java.net.URI.create(url.group(1))).build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(metrics)
          .as("the broker's rules (docker/jmx-exporter/kafka-broker.yml, bundled)")
          .contains("kafka_server_replicamanager_underreplicatedpartitions 0.0")
          .contains("kafka_controller_activecontrollercount 1.0")
          .contains("process_resident_memory_bytes");
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
