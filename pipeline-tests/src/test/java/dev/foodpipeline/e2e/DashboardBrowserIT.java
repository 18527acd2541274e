package dev.foodpipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The dashboard in headless Chromium against the running pipeline (issue 10, item 5): while orders
 * flow, the page shows orders per second and the figure changes; a second streams-app instance
 * shows up in the assignment table within 15 s of being ready; a screenshot is saved to {@code
 * target/dashboard.png} (the one in docs/images comes from here).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {
  private static final Duration REBALANCE_SHOWN = Duration.ofSeconds(15);
  private static Pipeline pipeline;
  private static HeadlessChromium browser;
  private static CompletableFuture<Pipeline.GeneratorRun> orders;

  @BeforeAll
  static void startPipelineDashboardAndBrowser() throws Exception {
    pipeline = Pipeline.start();
    String page = pipeline.startDashboard();
    // Orders for the whole test, at a steady rate, with some invalid ones for the rejections chart.
    orders =
        pipeline.produceInBackground(
            "--seed",
            Long.toString(Pipeline.SEED),
            "--rate",
            "40",
            "--duration",
            "150s",
            "--invalid-ratio",
            "0.1");
    browser =
        HeadlessChromium.start(
            Path.of(System.getProperty("e2e.chromedriver")),
            Path.of(System.getProperty("e2e.chromium")));
    browser.open(page);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      // What the page showed last, for a failed run (the passing run's screenshot is
      // dashboard.png).
      browser.screenshot(Path.of(System.getProperty("e2e.screenshot") + ".last.png"));
      browser.close();
    }
    if (orders != null) {
      orders.cancel(true);
    }
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  @Order(1)
  void ordersPerSecondAppearsAndChanges() throws Exception {
    AtomicReference<String> first = new AtomicReference<>();
    await("a positive orders/s figure on the page")
        .atMost(Duration.ofSeconds(60))
        .failFast("the generator stopped", () -> orders.isDone())
        .pollInterval(Duration.ofMillis(250))
        .until(() -> positive(browser.text("orders-rate")));
    first.set(browser.text("orders-rate") + " " + browser.text("orders-total"));
    await("the orders/s figure and the row count change")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              String now = browser.text("orders-rate") + " " + browser.text("orders-total");
              return positive(browser.text("orders-rate")) && !now.equals(first.get());
            });
    await("the connectors RUNNING and rows in orders")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                browser
                            .script(
                                "return document.querySelectorAll('#connectors td.RUNNING').length")
                            .asInt()
                        == 5
                    && positive(browser.text("orders-total").replace(",", "")));
  }

  @Test
  @Order(2)
  void aSecondInstanceShowsUpInTheAssignmentTable() throws Exception {
    assertThat(instancesShown()).hasSize(1);
    pipeline.startStreamsInstance("e2e-2");
    long ready = System.nanoTime();
    await("the second instance in the assignment table")
        .atMost(REBALANCE_SHOWN)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> instancesShown().size() == 2);
    System.out.printf(
        "DashboardBrowserIT: the second instance was on the page %d ms after it was ready%n",
        Duration.ofNanos(System.nanoTime() - ready).toMillis());
  }

  @Test
  @Order(3)
  void theLeaderboardAndChartsFillAndAScreenshotIsSaved() throws Exception {
    await("restaurants in the leaderboard and latency figures")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                browser
                            .script(
                                "return document.querySelectorAll('#leaderboard tbody tr').length")
                            .asInt()
                        > 0
                    && positive(browser.text("latency-p99").replace(",", "")));
    Path screenshot = Path.of(System.getProperty("e2e.screenshot"));
    browser.screenshot(screenshot);
    assertThat(Files.size(screenshot)).isGreaterThan(10_000);
  }

  private static Set<String> instancesShown() throws Exception {
    Set<String> servers = new TreeSet<>();
    browser
        .script(
            "return Array.from(document.querySelectorAll('#assignment tbody tr[data-instance]'))"
                + ".map(r => r.dataset.instance)")
        .forEach(server -> servers.add(server.asText()));
    return servers;
  }

  private static boolean positive(String text) {
    try {
      return text != null && Double.parseDouble(text.replace(",", "")) > 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
