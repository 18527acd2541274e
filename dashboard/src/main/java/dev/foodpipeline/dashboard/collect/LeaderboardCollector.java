package dev.foodpipeline.dashboard.collect;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /restaurants/{id}/stats} of a streams-app instance for each of the busiest restaurants
 * (PostgreSQL names them): any instance answers, forwarding to the owner of the restaurant's
 * partition. Sorted by the orders of the latest window, then of all windows kept.
 */
public final class LeaderboardCollector {
  private final HttpClient http;
  private final Duration timeout;

  public LeaderboardCollector(HttpClient http, Duration timeout) {
    this.http = http;
    this.timeout = timeout;
  }

  public LeaderboardView collect(StreamsView streams, List<String> restaurants)
      throws IOException, InterruptedException {
    if (restaurants.isEmpty()) {
      return new LeaderboardView(List.of());
    }
    String server =
        streams == null
            ? null
            : streams.instances().stream()
                .filter(instance -> "RUNNING".equals(instance.state()))
                .map(StreamsView.Instance::server)
                .findFirst()
                .orElse(null);
    if (server == null) {
      throw new IOException("no RUNNING streams-app instance to ask");
    }
    List<LeaderboardView.Entry> entries = new ArrayList<>();
    for (String restaurant : restaurants) {
      JsonNode stats =
          Json.get(
              http,
              URI.create("http://" + server + "/restaurants/" + restaurant + "/stats"),
              timeout);
      long ordersKept = 0;
      BigDecimal revenueKept = BigDecimal.ZERO;
      long ordersNow = 0;
      BigDecimal revenueNow = BigDecimal.ZERO;
      for (JsonNode window : stats.path("windows")) {
        ordersNow = window.path("orderCount").asLong();
        revenueNow = new BigDecimal(window.path("revenue").asText("0"));
        ordersKept += ordersNow;
        revenueKept = revenueKept.add(revenueNow);
      }
      entries.add(
          new LeaderboardView.Entry(
              restaurant,
              stats.path("servedBy").asText(null),
              ordersNow,
              revenueNow,
              ordersKept,
              revenueKept));
    }
    entries.sort(
        Comparator.comparingLong(LeaderboardView.Entry::ordersNow)
            .thenComparingLong(LeaderboardView.Entry::ordersKept)
            .reversed());
    return new LeaderboardView(entries);
  }
}
