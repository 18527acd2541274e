package dev.foodpipeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.ContainerState;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;

/**
 * The compose stack end to end, on a machine with Docker: docker-compose.yml as it is (images built
 * from source, the continuous generator scaled to 0), a seeded run of 100 orders with the built
 * generator jar, and every order found as one row in {@code orders} or {@code rejected_orders}.
 *
 * <p>Opt-in ({@code -Dcompose.it=true}) because it builds four images and starts seven containers:
 * minutes, not seconds. Without Docker it is skipped with the reason. It is not the only test of
 * this behaviour: pipeline-tests' end-to-end IT checks the same seeded run row by row without
 * Docker, and .github/workflows/ci.yml runs the same steps with the docker CLI.
 *
 * <p>It drives the compose file through Testcontainers' {@link ComposeContainer} rather than {@code
 * org.testcontainers:kafka}'s KafkaContainer: the subject here is the compose stack itself, and a
 * KafkaContainer would be a different broker from the one under test.
 */
@EnabledIfSystemProperty(
    named = "compose.it",
    matches = "true",
    disabledReason =
        "the compose stack test runs only with -Dcompose.it=true (it builds the images: minutes)")
// Builds four images from source: longer than the 5-minute default for integration tests.
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class ComposeStackIT {
  private static final int ORDERS = 100;
  private static final long SEED = 7;

  private ComposeContainer stack;

  @AfterEach
  void stopTheStack() {
    if (stack != null) {
      stack.stop();
    }
  }

  @Test
  void everySeededOrderEndsAsOneRowInOrdersOrRejectedOrders() throws Exception {
    Assumptions.assumeTrue(
        DockerClientFactory.instance().isDockerAvailable(),
        "no Docker engine here: the compose stack test needs one");
    stack =
        new ComposeContainer(Repo.path(Compose.FILE).toFile())
            .withLocalCompose(true)
            .withBuild(true)
            .withPull(false)
            .withScaledService("generator", 0)
            .withRemoveVolumes(true);
    stack.start();

    // The init image (always built: it runs) carries the generator jar. produce waits for Kafka and
    // creates the topics and restaurants itself, idempotently, so it need not wait for init.
    try (GenericContainer<?> generator = new GenericContainer<>("food-pipeline/init:local")) {
      generator
          .withNetworkMode("host")
          .withCreateContainerCmdModifier(command -> command.withEntrypoint("java"))
          .withCommand(
              "-jar",
              "/app/order-generator.jar",
              "produce",
              "--bootstrap-servers",
              "127.0.0.1:9092",
              "--count",
              String.valueOf(ORDERS),
              "--seed",
              String.valueOf(SEED),
              "--rate",
              "0",
              "--timeout",
              "120s")
          .withStartupCheckStrategy(
              new OneShotStartupCheckStrategy().withTimeout(Duration.ofMinutes(5)))
          .start();
    }

    await("orders + rejected_orders = " + ORDERS)
        .atMost(5, TimeUnit.MINUTES)
        .pollInterval(Duration.ofSeconds(3))
        .until(() -> rows() >= ORDERS);
    await("no extra row")
        .during(Duration.ofSeconds(15))
        .atMost(Duration.ofSeconds(30))
        .until(() -> rows() == ORDERS);
    assertThat(
            query(
                "SELECT count(*) FROM orders o WHERE NOT EXISTS "
                    + "(SELECT 1 FROM order_items i WHERE i.order_id = o.order_id)"))
        .as("every processed order has its items")
        .isEqualTo("0");
  }

  private long rows() throws IOException, InterruptedException {
    return Long.parseLong(
        query("SELECT (SELECT count(*) FROM orders) + (SELECT count(*) FROM rejected_orders)"));
  }

  private String query(String sql) throws IOException, InterruptedException {
    ContainerState postgres =
        stack
            .getContainerByServiceName("postgres-1")
            .orElseThrow(() -> new AssertionError("no postgres container in the stack"));
    var result = postgres.execInContainer("psql", "-U", "food", "-d", "food", "-tA", "-c", sql);
    assertThat(result.getExitCode()).as(result.getStderr()).isZero();
    return result.getStdout().trim();
  }
}
