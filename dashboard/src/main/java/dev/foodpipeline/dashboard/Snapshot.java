package dev.foodpipeline.dashboard;

import dev.foodpipeline.dashboard.collect.ConnectView;
import dev.foodpipeline.dashboard.collect.DatabaseView;
import dev.foodpipeline.dashboard.collect.KafkaView;
import dev.foodpipeline.dashboard.collect.LeaderboardView;
import dev.foodpipeline.dashboard.collect.StreamsView;
import java.time.Instant;

/** Everything the page shows at one moment: {@code GET /api/snapshot}, one SSE event. */
public record Snapshot(
    long sequence,
    Instant at,
    Section<KafkaView> kafka,
    Section<StreamsView> streams,
    Section<ConnectView> connect,
    Section<DatabaseView> database,
    Section<LeaderboardView> leaderboard) {

  /** Before the first poll. */
  static Snapshot empty() {
    Section<?> none = new Section<>(null, "not polled yet");
    return new Snapshot(
        0, Instant.EPOCH, cast(none), cast(none), cast(none), cast(none), cast(none));
  }

  @SuppressWarnings("unchecked")
  private static <T> Section<T> cast(Section<?> section) {
    return (Section<T>) section;
  }
}
