package dev.foodpipeline.streams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.foodpipeline.infra.KafkaBroker;
import dev.foodpipeline.model.Address;
import dev.foodpipeline.model.MenuItem;
import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.OrderLine;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.RejectedOrder;
import dev.foodpipeline.model.Restaurant;
import dev.foodpipeline.model.catalog.RestaurantCatalog;
import dev.foodpipeline.streams.MainHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command as the jar runs it, on a real broker: processes orders, stops cleanly on request. */
class MainIT {
  @TempDir Path stateDir;

  @Test
  void commandProcessesOrdersAndStopsWithExitCodeZero() throws Exception {
    try (KafkaBroker broker = KafkaBroker.start();
        PipelineTopics topics = new PipelineTopics(broker.bootstrapServers())) {
      topics.create();
      RestaurantCatalog catalog = RestaurantCatalog.generate(1L);
      topics.publish(catalog);
      MainHarness main = new MainHarness();

      var exitCode =
          main.runInBackground(
              "--bootstrap-servers",
              broker.bootstrapServers(),
              "--instance-id",
              "cli",
              "--threads",
              "1",
              "--state-dir",
              stateDir.toString(),
              "--config",
              "commit.interval.ms=50",
              "--http-port",
              "0");
      await().atMost(Duration.ofSeconds(30)).until(() -> main.httpPort() > 0);
      String http = "http://127.0.0.1:" + main.httpPort();
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> Instance.get(http, "/ready").status() == 200);
      assertThat(Instance.get(http, "/health").json().get("state").asText()).isEqualTo("RUNNING");
      Restaurant restaurant = catalog.get(0);
      MenuItem item = restaurant.menu().get(0);
      Order order =
          new Order(
              "cli-1",
              "c-1",
              restaurant.restaurantId(),
              List.of(new OrderLine(item.menuItemId(), 1, item.price())),
              new Address("Rua 1", "Braga", "4700-001"),
              Instant.now());
      topics.sendOrders(
          List.of(
              new SimpleEntry<>("cli-1", PipelineTopics.json(order)),
              new SimpleEntry<>("cli-2", "\u0000garbage".getBytes(StandardCharsets.UTF_8))));

      await().atMost(Duration.ofSeconds(90)).until(() -> topics.drained("food-orders-streams"));
      assertThat(topics.processed()).extracting(ProcessedOrder::orderId).containsExactly("cli-1");
      assertThat(topics.rejected())
          .extracting(RejectedOrder::orderId, RejectedOrder::reasonCode)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("cli-2", ReasonCode.MALFORMED_JSON));

      assertThat(
              Instance.get(http, "/assignment")
                  .json()
                  .get("instances")
                  .get(0)
                  .get("server")
                  .asText())
          .isEqualTo("127.0.0.1:" + main.httpPort());

      main.requestStop();
      assertThat(exitCode.get(30, TimeUnit.SECONDS)).isZero();
    }
  }
}
