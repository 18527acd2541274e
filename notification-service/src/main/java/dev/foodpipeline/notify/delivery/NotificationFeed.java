package dev.foodpipeline.notify.delivery;

import dev.foodpipeline.model.Notification;
import dev.foodpipeline.model.topics.Topics;
import dev.foodpipeline.shell.Errors;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivery: one thread reads every partition of {@code order-notifications} with an unassigned
 * (group-less) {@code read_committed} consumer, from the end at start, and hands each notification
 * to the subscribers of its recipient. So any instance serves any subscriber, whichever instance's
 * stream threads made the notification; the cost is that every instance reads the whole topic.
 *
 * <p>A subscriber that resumes ({@code Last-Event-ID}) or a {@code ?since=} query reads the
 * recipient's partition with a consumer of its own ({@link #replay}, {@link #since}), from a
 * position up to the live position at which it was registered, so nothing is missed between the two
 * and nothing is delivered twice.
 */
public final class NotificationFeed implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NotificationFeed.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final String TOPIC = Topics.ORDER_NOTIFICATIONS.name();

  /** The most a {@code ?since=} answer holds: the newest ones. */
  public static final int MAX_SINCE_RESULTS = 1000;

  /** How long a replay or a {@code ?since=} read may take. */
  static final Duration READ_DEADLINE = Duration.ofSeconds(10);

  private final Map<String, Object> clientProperties;
  private final Deserializer<Notification> notifications =
      Topics.ORDER_NOTIFICATIONS.valueSerde().deserializer();
  private final Map<String, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
  private final Object lock = new Object();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong unreadable = new AtomicLong();
  private final AtomicLong cutOff = new AtomicLong();
  private volatile long[] positions;
  private volatile boolean running = true;
  private volatile KafkaConsumer<String, byte[]> consumer;
  private final Thread thread;

  /**
   * @param clientProperties the consumers' properties: bootstrap servers and any passed through
   */
  public NotificationFeed(Map<String, Object> clientProperties) {
    this.clientProperties = Map.copyOf(clientProperties);
    this.thread = new Thread(this::run, "notification-feed");
    thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** True once the feed knows the end of every partition and reads on from there. */
  public boolean caughtUp() {
    return positions != null;
  }

  /** The next offset the feed delivers, per partition (empty before it caught up). */
  public List<Long> positions() {
    long[] now = positions;
    List<Long> list = new ArrayList<>();
    if (now != null) {
      for (long position : now) {
        list.add(position);
      }
    }
    return list;
  }

  /** The partition of {@code order-notifications} that holds the recipient's notifications. */
  public int partitionOf(String recipient) {
    long[] now = positions;
    int count = now == null ? Topics.ORDER_NOTIFICATIONS.partitions() : now.length;
    return Utils.toPositive(Utils.murmur2(recipient.getBytes(StandardCharsets.UTF_8))) % count;
  }

  /** Open streams now. */
  public int subscriberCount() {
    return subscribers.values().stream().mapToInt(Set::size).sum();
  }

  /** What the feed did since it started, for the status. */
  public Map<String, Object> status() {
    Map<String, Object> status = new java.util.LinkedHashMap<>();
    status.put("caughtUp", caughtUp());
    status.put("positions", positions());
    status.put("subscribers", subscriberCount());
    status.put("delivered", delivered.get());
    status.put("cutOffSlowSubscribers", cutOff.get());
    status.put("unreadableSkipped", unreadable.get());
    return status;
  }

  /**
   * Registers a subscriber of {@code recipient}'s new notifications.
   *
   * @param resumeAfter the offset of the last notification the client has (in the recipient's
   *     partition), or -1 for none: the subscriber gets nothing at or before it
   * @return the subscription: the subscriber and the live position from which the feed hands it
   *     notifications (what lies between {@code resumeAfter} and it is for {@link #replay})
   * @throws IllegalStateException before the feed caught up
   */
  public Subscription subscribe(String recipient, long resumeAfter, int capacity) {
    synchronized (lock) {
      long[] now = positions;
      if (now == null) {
        throw new IllegalStateException("the notification feed has not caught up yet");
      }
      int partition = partitionOf(recipient);
      Subscriber subscriber = new Subscriber(recipient, partition, resumeAfter, capacity);
      subscribers.computeIfAbsent(recipient, r -> new CopyOnWriteArraySet<>()).add(subscriber);
      return new Subscription(subscriber, now[partition]);
    }
  }

  /** The subscriber and where the feed's live delivery to it starts. */
  public record Subscription(Subscriber subscriber, long livePosition) {}

  public void unsubscribe(Subscriber subscriber) {
    subscribers.computeIfPresent(
        subscriber.recipient(),
        (recipient, set) -> {
          set.remove(subscriber);
          return set.isEmpty() ? null : set;
        });
  }

  /**
   * The recipient's notifications in its partition from offset {@code from} up to (not including)
   * {@code until}, read committed, in order.
   */
  public List<Delivery> replay(String recipient, long from, long until) {
    int partition = partitionOf(recipient);
    List<Delivery> found = new ArrayList<>();
    if (from >= until) {
      return found;
    }
    TopicPartition tp = new TopicPartition(TOPIC, partition);
    try (KafkaConsumer<String, byte[]> reader = newConsumer()) {
      reader.assign(List.of(tp));
      reader.seek(tp, from);
      read(reader, tp, recipient, until, found::add);
    }
    return found;
  }

  /**
   * The recipient's notifications made at or after {@code since} (by {@code notifiedAt}), up to the
   * end of its partition now: at most {@value #MAX_SINCE_RESULTS}, the newest.
   */
  public List<Delivery> since(String recipient, Instant since) {
    int partition = partitionOf(recipient);
    TopicPartition tp = new TopicPartition(TOPIC, partition);
    Deque<Delivery> found = new ArrayDeque<>();
    try (KafkaConsumer<String, byte[]> reader = newConsumer()) {
      reader.assign(List.of(tp));
      long end = reader.endOffsets(List.of(tp)).get(tp);
      Map<TopicPartition, OffsetAndTimestamp> start =
          reader.offsetsForTimes(Map.of(tp, Math.max(0, since.toEpochMilli())));
      OffsetAndTimestamp first = start.get(tp);
      if (first == null) {
        return List.of();
      }
      reader.seek(tp, first.offset());
      read(
          reader,
          tp,
          recipient,
          end,
          delivery -> {
            if (!delivery.notification().notifiedAt().isBefore(since)) {
              found.addLast(delivery);
              if (found.size() > MAX_SINCE_RESULTS) {
                found.removeFirst();
              }
            }
          });
    }
    return List.copyOf(found);
  }

  private void read(
      KafkaConsumer<String, byte[]> reader,
      TopicPartition tp,
      String recipient,
      long until,
      java.util.function.Consumer<Delivery> sink) {
    long deadline = System.nanoTime() + READ_DEADLINE.toNanos();
    while (reader.position(tp) < until) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "could not read "
                + tp
                + " up to offset "
                + until
                + " within "
                + READ_DEADLINE.toSeconds()
                + " s");
      }
      for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
        if (record.offset() >= until) {
          return;
        }
        if (recipient.equals(record.key())) {
          read(record).ifPresent(sink);
        }
      }
    }
  }

  private Optional<Delivery> read(ConsumerRecord<String, byte[]> record) {
    try {
      Notification notification = notifications.deserialize(record.topic(), record.value());
      return notification == null
          ? Optional.empty()
          : Optional.of(new Delivery(record.partition(), record.offset(), notification));
    } catch (RuntimeException e) {
      long count = unreadable.incrementAndGet();
      if (Long.bitCount(count) == 1) {
        log.warn(
            "Skipping an unreadable record of {} at {}-{} ({} so far): {}",
            TOPIC,
            record.partition(),
            record.offset(),
            count,
            Errors.rootCauseLine(e));
      }
      return Optional.empty();
    }
  }

  private KafkaConsumer<String, byte[]> newConsumer() {
    Map<String, Object> properties = new HashMap<>(clientProperties);
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
    return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
  }

  private void run() {
    while (running) {
      try (KafkaConsumer<String, byte[]> live = newConsumer()) {
        consumer = live;
        follow(live);
      } catch (WakeupException e) {
        return;
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        log.warn(
            "The notification feed failed, starting again in 5 s: {}", Errors.rootCauseLine(e));
        try {
          Thread.sleep(5000);
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  private void follow(KafkaConsumer<String, byte[]> live) {
    List<PartitionInfo> partitions = live.partitionsFor(TOPIC, Duration.ofSeconds(30));
    if (partitions == null || partitions.isEmpty()) {
      throw new IllegalStateException("topic " + TOPIC + " does not exist");
    }
    List<TopicPartition> all = new ArrayList<>();
    for (int p = 0; p < partitions.size(); p++) {
      all.add(new TopicPartition(TOPIC, p));
    }
    live.assign(all);
    long[] start = positions;
    if (start == null) {
      live.seekToEnd(all);
    } else {
      for (int p = 0; p < all.size() && p < start.length; p++) {
        live.seek(all.get(p), start[p]);
      }
    }
    long[] now = new long[all.size()];
    for (int p = 0; p < all.size(); p++) {
      now[p] = live.position(all.get(p));
    }
    positions = now;
    log.info("The notification feed reads {} from {}", TOPIC, positionsText(now));
    while (running) {
      var records = live.poll(POLL);
      synchronized (lock) {
        for (ConsumerRecord<String, byte[]> record : records) {
          Set<Subscriber> set = record.key() == null ? null : subscribers.get(record.key());
          if (set == null || set.isEmpty()) {
            continue;
          }
          Optional<Delivery> delivery = read(record);
          if (delivery.isEmpty()) {
            continue;
          }
          for (Subscriber subscriber : set) {
            if (subscriber.offer(delivery.get())) {
              delivered.incrementAndGet();
            } else {
              cutOff.incrementAndGet();
              unsubscribe(subscriber);
            }
          }
        }
        long[] next = new long[all.size()];
        for (int p = 0; p < all.size(); p++) {
          next[p] = live.position(all.get(p));
        }
        positions = next;
      }
    }
  }

  private static String positionsText(long[] positions) {
    List<String> parts = new ArrayList<>();
    for (int p = 0; p < positions.length; p++) {
      parts.add(p + "@" + positions[p]);
    }
    return String.join(", ", parts);
  }

  @Override
  public void close() {
    running = false;
    KafkaConsumer<String, byte[]> live = consumer;
    if (live != null) {
      live.wakeup();
    }
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
