package dev.foodpipeline.dashboard.collect;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What reached PostgreSQL: row counts per table (exact, as of {@code rowsCountedAt}: see {@link
 * CountSchedule}), the end-to-end latency ({@code written_at - created_at}) of the orders written
 * in the last minute, rejections of the last minute by reason, the restaurants with most orders in
 * the windows of {@code restaurant_stats} that ended in the last five minutes (the Streams app
 * writes a window once it has closed) and the latest notifications.
 *
 * @param latencyP50Ms null when no order was written in the last minute
 */
public record DatabaseView(
    Map<String, Long> rows,
    Instant rowsCountedAt,
    long ordersLastMinute,
    Double latencyP50Ms,
    Double latencyP99Ms,
    Map<String, Long> rejectionsLastMinute,
    List<String> busiestRestaurants,
    List<Notification> notifications) {

  public record Notification(String type, String message, String notifiedAt) {}
}
