package dev.foodpipeline.streams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.foodpipeline.infra.KafkaBroker;
import dev.foodpipeline.model.catalog.RestaurantCatalog;
import dev.foodpipeline.streams.StreamsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /assignment} on a real broker as a second instance joins and leaves: before, one
 * instance owns the three partitions of food-orders; after the join both instances answer with the
 * same global view in which each owns some; the consumer group shows static members named after the
 * instances; after one leaves the other owns all three again.
 */
class AssignmentIT {
  private static final Duration REBALANCE = Duration.ofSeconds(60);

  @TempDir Path stateA;
  @TempDir Path stateB;

  @Test
  void assignmentShowsEveryOwnerBeforeAndAfterASecondInstanceJoinsAndLeaves() throws Exception {
    try (KafkaBroker broker = KafkaBroker.start();
        PipelineTopics topics = new PipelineTopics(broker.bootstrapServers());
        Admin admin =
            Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      topics.create();
      topics.publish(RestaurantCatalog.generate(1L));

      try (Instance a = new Instance(settings(broker, "a", stateA))) {
        a.app.awaitRunning(REBALANCE);
        await()
            .atMost(REBALANCE)
            .until(
                () ->
                    Instance.ownedOrderPartitions(a.get("/assignment").json(), a.server())
                        .equals(Instance.ORDER_PARTITIONS));
        JsonNode alone = a.get("/assignment").json();
        assertThat(alone.get("instanceId").asText()).isEqualTo("a");
        assertThat(alone.get("state").asText()).isEqualTo("RUNNING");
        assertThat(servers(alone)).containsExactly(a.server());
        assertThat(alone.get("threads")).hasSize(2);
        assertThat(a.get("/ready").status()).isEqualTo(200);
        assertThat(a.get("/health").status()).isEqualTo(200);

        try (Instance b = new Instance(settings(broker, "b", stateB))) {
          b.app.awaitRunning(REBALANCE);
          await()
              .atMost(REBALANCE)
              .until(
                  () -> {
                    JsonNode viewA = a.get("/assignment").json();
                    JsonNode viewB = b.get("/assignment").json();
                    return servers(viewA).size() == 2
                        && viewA.get("partitions").equals(viewB.get("partitions"))
                        && !Instance.ownedOrderPartitions(viewA, b.server()).isEmpty()
                        && !Instance.ownedOrderPartitions(viewA, a.server()).isEmpty()
                        && threadPartitions(viewB)
                            .containsAll(Instance.ownedOrderPartitions(viewA, b.server()))
                        && threadPartitions(viewA)
                            .containsAll(Instance.ownedOrderPartitions(viewA, a.server()));
                  });
          JsonNode viewA = a.get("/assignment").json();
          JsonNode viewB = b.get("/assignment").json();
          assertThat(viewA.get("instances"))
              .as("the same global view from both")
              .isEqualTo(viewB.get("instances"));
          Set<String> union = new TreeSet<>(Instance.ownedOrderPartitions(viewA, a.server()));
          union.addAll(Instance.ownedOrderPartitions(viewA, b.server()));
          assertThat(union).isEqualTo(Instance.ORDER_PARTITIONS);
          assertThat(threadPartitions(viewB))
              .as("b's own threads hold what the view gives b")
              .containsAll(Instance.ownedOrderPartitions(viewA, b.server()));

          ConsumerGroupDescription group =
              admin
                  .describeConsumerGroups(List.of(StreamsSettings.DEFAULT_APPLICATION_ID))
                  .all()
                  .get()
                  .get(StreamsSettings.DEFAULT_APPLICATION_ID);
          assertThat(group.members())
              .extracting(member -> member.groupInstanceId().orElse("dynamic"))
              .as("static members: instance id + thread index")
              .containsExactlyInAnyOrder("a-1", "a-2", "b-1", "b-2");
        }

        await()
            .atMost(REBALANCE)
            .until(
                () -> {
                  JsonNode view = a.get("/assignment").json();
                  return a.app.isRunning()
                      && servers(view).size() == 1
                      && Instance.ownedOrderPartitions(view, a.server())
                          .equals(Instance.ORDER_PARTITIONS)
                      && threadPartitions(view).containsAll(Instance.ORDER_PARTITIONS);
                });
        List<MemberDescription> members =
            admin
                .describeConsumerGroups(List.of(StreamsSettings.DEFAULT_APPLICATION_ID))
                .all()
                .get()
                .get(StreamsSettings.DEFAULT_APPLICATION_ID)
                .members()
                .stream()
                .toList();
        assertThat(members)
            .extracting(member -> member.groupInstanceId().orElse("dynamic"))
            .as("b left the group on close, static members included")
            .containsExactlyInAnyOrder("a-1", "a-2");
      }
    }
  }

  private static StreamsSettings settings(KafkaBroker broker, String instanceId, Path stateDir) {
    return Instance.settings(broker, instanceId, stateDir).flag("--threads", 2).build();
  }

  private static List<String> servers(JsonNode view) {
    List<String> servers = new ArrayList<>();
    view.get("instances").forEach(instance -> servers.add(instance.get("server").asText()));
    return servers;
  }

  private static Set<String> threadPartitions(JsonNode view) {
    List<String> partitions = new ArrayList<>();
    view.get("threads")
        .forEach(
            thread ->
                thread
                    .get("activeTasks")
                    .forEach(
                        task -> task.get("partitions").forEach(p -> partitions.add(p.asText()))));
    return partitions.stream().collect(Collectors.toCollection(TreeSet::new));
  }
}
