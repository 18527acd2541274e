package dev.foodpipeline.connect.healer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import jakarta.ws.rs.core.Configurable;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.ObjectName;
import org.apache.kafka.connect.health.ConnectClusterState;
import org.apache.kafka.connect.rest.ConnectRestExtensionContext;
import org.junit.jupiter.api.Test;

class TaskHealerExtensionTest {

  private static ConnectRestExtensionContext context(ConnectClusterState cluster) {
    return new ConnectRestExtensionContext() {
      @Override
      public Configurable<? extends Configurable<?>> configurable() {
        throw new UnsupportedOperationException("the healer adds no endpoint");
      }

      @Override
      public ConnectClusterState clusterState() {
        return cluster;
      }
    };
  }

  @Test
  void restartsAFailedTaskThroughTheWorkersListener() throws Exception {
    List<String> requests = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.add(exchange.getRequestURI().getPath());
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
    int port = server.getAddress().getPort();
    FakeClusterState cluster = new FakeClusterState();
    cluster.task("ext-sink", 0, "FAILED", "127.0.0.1:" + port);

    try (TaskHealerExtension extension = new TaskHealerExtension()) {
      extension.configure(
          Map.of("listeners", "http://127.0.0.1:" + port, HealerConfig.POLL_INTERVAL_MS, "100"));
      extension.register(context(cluster));

      ObjectName restarts =
          new ObjectName("dev.foodpipeline:type=task-healer,connector=ext-sink,task=0");
      // The healer counts a restart once the worker has answered it: wait for the metric, not
      // only for the request, which the server sees first.
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  ManagementFactory.getPlatformMBeanServer().isRegistered(restarts)
                      && Long.valueOf(1L)
                          .equals(
                              ManagementFactory.getPlatformMBeanServer()
                                  .getAttribute(restarts, "Restarts")));
      assertThat(requests).containsExactly("/connectors/ext-sink/tasks/0/restart");
      assertThat(extension.config().names()).contains(HealerConfig.ENABLED);
      assertThat(extension.version()).isNotBlank();
    } finally {
      server.stop(0);
    }
    assertThat(
            ManagementFactory.getPlatformMBeanServer()
                .isRegistered(
                    new ObjectName("dev.foodpipeline:type=task-healer,connector=ext-sink,task=0")))
        .as("unregistered on close")
        .isFalse();
  }

  @Test
  void aPollThatCannotReadTheStatesIsRetried() throws Exception {
    int[] calls = {0};
    ConnectClusterState notReady =
        new FakeClusterState() {
          @Override
          public java.util.Collection<String> connectors() {
            calls[0]++;
            throw new IllegalStateException("herder not ready");
          }
        };
    try (TaskHealerExtension extension = new TaskHealerExtension()) {
      extension.configure(
          Map.of("listeners", "http://127.0.0.1:1", HealerConfig.POLL_INTERVAL_MS, "100"));
      extension.register(context(notReady));

      await().atMost(Duration.ofSeconds(10)).until(() -> calls[0] >= 3);
    }
  }

  @Test
  void offItStartsNothing() throws Exception {
    FakeClusterState cluster = new FakeClusterState();
    cluster.task("off-sink", 0, "FAILED");
    try (TaskHealerExtension extension = new TaskHealerExtension()) {
      extension.configure(Map.of(HealerConfig.ENABLED, "false"));
      extension.register(context(cluster));
    }
    assertThat(
            ManagementFactory.getPlatformMBeanServer()
                .queryNames(new ObjectName("dev.foodpipeline:type=task-healer,*"), null))
        .isEmpty();
  }
}
