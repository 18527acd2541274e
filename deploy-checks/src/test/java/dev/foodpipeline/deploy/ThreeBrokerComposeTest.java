package dev.foodpipeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.infra.stack.LocalStack;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.brokers3.yml over docker-compose.yml runs the three-node cluster of {@code
 * scripts/local-stack up --brokers 3}: the same broker settings (server.properties, then
 * three-brokers.properties), a static quorum of the three, the local stack's host ports, and every
 * client bootstrapping from all three.
 */
class ThreeBrokerComposeTest {
  static final String OVERRIDE = "docker-compose.brokers3.yml";
  static final String CLUSTER_PROPERTIES = "pipeline-infra/config/kafka/three-brokers.properties";
  static final List<String> BROKERS = List.of("kafka", "kafka-2", "kafka-3");
  static final String BOOTSTRAP = "kafka:9092,kafka-2:9092,kafka-3:9092";

  /** Broker keys each node sets for itself, or that the compose network sets its own way. */
  private static final Set<String> NODE_KEYS =
      Set.of(
          "node.id",
          "listeners",
          "advertised.listeners",
          "listener.security.protocol.map",
          "controller.quorum.bootstrap.servers",
          "log.dirs");

  private final Compose compose = Compose.load(OVERRIDE);
  private final LocalStack stack = LocalStack.read(Repo.path(LocalStack.FILE));

  /** What scripts/local-stack gives every node: server.properties, then the cluster file. */
  private static Map<String, String> localClusterSettings() {
    Properties settings = Repo.properties(ComposeDriftTest.BROKER_PROPERTIES);
    settings.putAll(Repo.properties(CLUSTER_PROPERTIES));
    Map<String, String> values = new LinkedHashMap<>();
    for (String key : settings.stringPropertyNames()) {
      if (!NODE_KEYS.contains(key)) {
        values.put(key, settings.getProperty(key));
      }
    }
    return values;
  }

  @Test
  void everyBrokerHasTheLocalStacksClusterSettings() {
    Map<String, String> expected = localClusterSettings();
    assertThat(expected)
        .as("%s: replication factor 3, min ISR 2, no unclean election", CLUSTER_PROPERTIES)
        .containsEntry("default.replication.factor", "3")
        .containsEntry("min.insync.replicas", "2")
        .containsEntry("unclean.leader.election.enable", "false")
        .containsEntry("offsets.topic.replication.factor", "3")
        .containsEntry("transaction.state.log.replication.factor", "3")
        .containsEntry("transaction.state.log.min.isr", "2");
    for (String broker : BROKERS) {
      Map<String, String> environment = compose.environment(broker);
      Map<String, String> actual = new LinkedHashMap<>();
      expected.keySet().forEach(key -> actual.put(key, environment.get(variable(key))));
      assertThat(actual)
          .as(
              "%s's environment in %s + %s vs %s",
              broker, Compose.FILE, OVERRIDE, CLUSTER_PROPERTIES)
          .isEqualTo(expected);
    }
  }

  @Test
  void theThreeBrokersDifferOnlyInTheirNodeIdAndAddresses() {
    Map<String, String> first = withoutOwnAddress(compose.environment("kafka"));
    for (String broker : List.of("kafka-2", "kafka-3")) {
      assertThat(withoutOwnAddress(compose.environment(broker))).as(broker).isEqualTo(first);
      assertThat(compose.memLimitMiB(broker)).isEqualTo(compose.memLimitMiB("kafka"));
      assertThat(compose.service(broker).get("healthcheck"))
          .isEqualTo(compose.service("kafka").get("healthcheck"));
      assertThat(compose.service(broker).get("image"))
          .isEqualTo(compose.service("kafka").get("image"));
    }
    for (int node = 1; node <= 3; node++) {
      assertThat(compose.environment(BROKERS.get(node - 1)))
          .containsEntry("KAFKA_NODE_ID", String.valueOf(node))
          .containsEntry(
              "KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka:9093,2@kafka-2:9093,3@kafka-3:9093")
          .containsEntry("CLUSTER_ID", compose.environment("kafka").get("CLUSTER_ID"));
    }
  }

  @Test
  void hostPortsAreTheLocalStacksBrokerPorts() {
    for (String broker : BROKERS) {
      int port = stack.component(broker).port();
      assertThat(compose.ports(broker)).as(broker).containsExactly(port + ":29092");
      assertThat(compose.environment(broker).get("KAFKA_ADVERTISED_LISTENERS"))
          .as("%s sends host clients to the local stack's address", broker)
          .isEqualTo("PLAINTEXT://" + broker + ":9092,HOST://127.0.0.1:" + port);
    }
  }

  @Test
  void everyClientBootstrapsFromTheThreeBrokers() {
    Map<String, String> clients =
        Map.of(
            "connect", "FOOD_CONNECT_BOOTSTRAP_SERVERS",
            "init", "FOOD_BOOTSTRAP_SERVERS",
            "generator", "FOOD_BOOTSTRAP_SERVERS",
            "streams-app-1", "FOOD_STREAMS_BOOTSTRAP_SERVERS",
            "streams-app-2", "FOOD_STREAMS_BOOTSTRAP_SERVERS",
            "streams-app-extra", "FOOD_STREAMS_BOOTSTRAP_SERVERS",
            "notification-service", "FOOD_NOTIFICATION_SERVICE_BOOTSTRAP_SERVERS",
            "dashboard", "FOOD_DASHBOARD_BOOTSTRAP_SERVERS",
            "kafka-ui", "KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS");
    clients.forEach(
        (service, name) ->
            assertThat(compose.environment(service)).as(service).containsEntry(name, BOOTSTRAP));
    compose
        .services()
        .keySet()
        .forEach(
            service ->
                assertThat(compose.environment(service).values())
                    .as("%s still bootstraps from kafka alone", service)
                    .doesNotContain("kafka:9092"));
    assertThat(String.join(" ", strings(compose.service("connect").get("command"))))
        .as("the worker file gets the three as its last bootstrap.servers")
        .contains("echo bootstrap.servers=$$FOOD_CONNECT_BOOTSTRAP_SERVERS")
        .contains("connect-distributed.sh /tmp/worker.properties");
  }

  @Test
  void servicesThatCreateTopicsWaitForTheThreeBrokers() {
    for (String service : List.of("connect", "init")) {
      assertThat(compose.service(service).get("depends_on"))
          .as(service)
          .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
          .containsKeys("kafka", "kafka-2", "kafka-3");
    }
  }

  @Test
  void theStatedMemoryTotalIsTheLimitsOfTheDefaultServices() {
    long total =
        compose.defaultServices().stream()
            .filter(service -> compose.service(service).get("mem_limit") != null)
            .filter(
                service -> !"no".equals(String.valueOf(compose.service(service).get("restart"))))
            .mapToLong(compose::memLimitMiB)
            .sum();
    assertThat(Repo.read(OVERRIDE)).contains(String.format(Locale.ROOT, "%,d MiB", total));
  }

  private static Map<String, String> withoutOwnAddress(Map<String, String> environment) {
    Map<String, String> rest = new LinkedHashMap<>(environment);
    rest.remove("KAFKA_NODE_ID");
    rest.remove("KAFKA_ADVERTISED_LISTENERS");
    return rest;
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object list) {
    return ((List<Object>) list).stream().map(String::valueOf).toList();
  }

  private static String variable(String property) {
    return "KAFKA_" + property.toUpperCase(Locale.ROOT).replace('.', '_');
  }
}
