package dev.foodpipeline.dashboard;

import dev.foodpipeline.dashboard.collect.ConnectCollector;
import dev.foodpipeline.dashboard.collect.ConnectView;
import dev.foodpipeline.dashboard.collect.DatabaseCollector;
import dev.foodpipeline.dashboard.collect.DatabaseView;
import dev.foodpipeline.dashboard.collect.KafkaCollector;
import dev.foodpipeline.dashboard.collect.KafkaView;
import dev.foodpipeline.dashboard.collect.LeaderboardCollector;
import dev.foodpipeline.dashboard.collect.LeaderboardView;
import dev.foodpipeline.dashboard.collect.StreamsCollector;
import dev.foodpipeline.dashboard.collect.StreamsView;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every collector once per interval on one thread, in order (the leaderboard needs the
 * instances and the restaurants the others found), and keeps the latest {@link Snapshot}. A
 * collector that fails leaves an error in its section; the others go on. It polls only while
 * someone watches ({@link #IDLE_AFTER}): a page's event stream or a request for the snapshot.
 */
public final class Poller implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Poller.class);

  /** With no page open and no snapshot asked for this long, the poller stops polling. */
  static final Duration IDLE_AFTER = Duration.ofSeconds(30);

  private final KafkaCollector kafka;
  private final StreamsCollector streams;
  private final ConnectCollector connect;
  private final DatabaseCollector database;
  private final LeaderboardCollector leaderboard;
  private final Clock clock;
  private final ScheduledExecutorService timer;
  private final Watchers watchers;
  private final Object lock = new Object();
  private Snapshot latest = Snapshot.empty();

  Poller(
      KafkaCollector kafka,
      StreamsCollector streams,
      ConnectCollector connect,
      DatabaseCollector database,
      LeaderboardCollector leaderboard,
      Clock clock,
      Duration idleAfter) {
    this.watchers = new Watchers(idleAfter, System::nanoTime);
    this.kafka = kafka;
    this.streams = streams;
    this.connect = connect;
    this.database = database;
    this.leaderboard = leaderboard;
    this.clock = clock;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "dashboard-poller");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * The poller of these settings, not polling yet ({@link #pollEvery}): the caller binds its port
   * first, so a taken port fails at once instead of after the first poll's time-outs.
   */
  public static Poller create(DashboardSettings settings) {
    return create(settings, IDLE_AFTER);
  }

  /** The same, idle after {@code idleAfter} without a look (tests wait less than 30 s). */
  static Poller create(DashboardSettings settings, Duration idleAfter) {
    Duration timeout = Duration.ofSeconds(2);
    HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
    return new Poller(
        new KafkaCollector(settings.bootstrapServers(), timeout),
        new StreamsCollector(http, settings.streamsUrls(), timeout),
        new ConnectCollector(http, settings.connectUrl(), timeout),
        new DatabaseCollector(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword()),
        new LeaderboardCollector(http, timeout),
        Clock.systemUTC(),
        idleAfter);
  }

  /** Polls now, then every {@code interval} while someone watches. */
  public Poller pollEvery(Duration interval) {
    timer.scheduleWithFixedDelay(
        this::pollWhileWatched, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** The latest snapshot ({@link Snapshot#sequence()} 0 before the first poll). */
  public Snapshot latest() {
    synchronized (lock) {
      return latest;
    }
  }

  /**
   * The latest snapshot for someone who looks now: when nobody had for {@link #IDLE_AFTER}, the
   * latest is stale, so this polls at once and waits for that poll, at most {@code timeout}.
   */
  public Snapshot current(Duration timeout) throws InterruptedException {
    Snapshot stale = latest();
    return lookedAfterIdle() ? awaitAfter(stale.sequence(), timeout) : stale;
  }

  /**
   * The first snapshot after {@code sequence}, waiting for it at most {@code timeout}; the latest
   * one when none came. The caller watches: the poller polls (at once, if it was idle).
   */
  public Snapshot next(long sequence, Duration timeout) throws InterruptedException {
    lookedAfterIdle();
    return awaitAfter(sequence, timeout);
  }

  /** Records a look; when it ends an idle spell, asks for a poll at once. */
  private boolean lookedAfterIdle() {
    boolean wasIdle = watchers.seen();
    if (wasIdle) {
      timer.execute(this::pollQuietly);
    }
    return wasIdle;
  }

  private Snapshot awaitAfter(long sequence, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (latest.sequence() <= sequence) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return latest;
    }
  }

  private void pollWhileWatched() {
    if (watchers.watched()) {
      pollQuietly();
    }
  }

  private void pollQuietly() {
    try {
      poll();
    } catch (RuntimeException e) {
      log.warn("A poll failed", e);
    }
  }

  /** One round of every collector; the new snapshot. */
  Snapshot poll() {
    Section<StreamsView> streamsSection = section(streams::collect);
    Section<DatabaseView> databaseSection = section(database::collect);
    List<String> restaurants =
        databaseSection.data() == null ? List.of() : databaseSection.data().busiestRestaurants();
    Section<KafkaView> kafkaSection = section(kafka::collect);
    Section<ConnectView> connectSection = section(connect::collect);
    Section<LeaderboardView> leaderboardSection =
        section(() -> leaderboard.collect(streamsSection.data(), restaurants));
    Snapshot snapshot;
    synchronized (lock) {
      snapshot =
          new Snapshot(
              latest.sequence() + 1,
              clock.instant(),
              kafkaSection,
              streamsSection,
              connectSection,
              databaseSection,
              leaderboardSection);
      latest = snapshot;
      lock.notifyAll();
    }
    return snapshot;
  }

  private static <T> Section<T> section(Callable<T> collector) {
    try {
      return Section.of(collector.call());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Section.failed(e);
    } catch (Exception e) {
      log.debug("A collector failed", e);
      return Section.failed(e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(3, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    kafka.close();
    database.close();
  }
}
