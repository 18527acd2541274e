package dev.foodpipeline.streams.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A benchmark's stopwatch, not part of the pipeline: offsets of one topic, and a consumer group's
 * progress through them, for {@code scripts/bench-pipeline}'s P4 (docs/benchmarks.md).
 *
 * <pre>
 * GroupOffsets end  BOOTSTRAP TOPIC                       prints the end offsets: 0:120,1:98,2:131
 * GroupOffsets seek BOOTSTRAP TOPIC GROUP OFFSETS         commits OFFSETS for GROUP (no member may run)
 * GroupOffsets wait BOOTSTRAP TOPIC GROUP OFFSETS SECONDS polls GROUP's committed offsets every 100 ms
 *     until each partition reached OFFSETS; prints "FIRST_MS FIRST_RECORDS DONE_MS DONE_RECORDS":
 *     when the committed offsets first moved (epoch ms) and how many records they then covered
 *     (summed over partitions), and the same when they reached OFFSETS; exit 1 after SECONDS
 * </pre>
 */
public final class GroupOffsets {
  static final String USAGE =
      "usage: GroupOffsets end BOOTSTRAP TOPIC | seek BOOTSTRAP TOPIC GROUP OFFSETS"
          + " | wait BOOTSTRAP TOPIC GROUP OFFSETS SECONDS";
  private static final Duration POLL = Duration.ofMillis(100);

  private GroupOffsets() {}

  /** "0:120,1:98" to partition → offset. */
  static Map<Integer, Long> parse(String offsets) {
    Map<Integer, Long> parsed = new TreeMap<>();
    for (String entry : offsets.split(",")) {
      String[] parts = entry.split(":");
      if (parts.length != 2) {
        throw new IllegalArgumentException("OFFSETS must be PARTITION:OFFSET,…, got " + offsets);
      }
      try {
        parsed.put(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("OFFSETS must be PARTITION:OFFSET,…, got " + offsets);
      }
    }
    return parsed;
  }

  static String format(Map<Integer, Long> offsets) {
    return offsets.entrySet().stream()
        .map(e -> e.getKey() + ":" + e.getValue())
        .collect(Collectors.joining(","));
  }

  /** Records from {@code from} up to {@code at}, summed over the partitions of {@code from}. */
  static long covered(Map<Integer, Long> from, Map<Integer, Long> at) {
    long sum = 0;
    for (Map.Entry<Integer, Long> e : from.entrySet()) {
      sum += Math.max(0, at.getOrDefault(e.getKey(), e.getValue()) - e.getValue());
    }
    return sum;
  }

  static boolean reached(Map<Integer, Long> target, Map<Integer, Long> at) {
    return target.entrySet().stream()
        .allMatch(e -> at.getOrDefault(e.getKey(), -1L) >= e.getValue());
  }

  public static void main(String[] args) throws Exception {
    List<String> a = List.of(args);
    boolean known =
        (a.size() == 3 && a.get(0).equals("end"))
            || (a.size() == 5 && a.get(0).equals("seek"))
            || (a.size() == 6 && a.get(0).equals("wait"));
    if (!known) {
      System.err.println("GroupOffsets: " + USAGE);
      System.exit(2);
    }
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, a.get(1)))) {
      switch (a.get(0)) {
        case "end" -> System.out.println(format(endOffsets(admin, a.get(2))));
        case "seek" -> seek(admin, a.get(2), a.get(3), parse(a.get(4)));
        default -> System.exit(waitFor(admin, a.get(2), a.get(3), parse(a.get(4)), a.get(5)));
      }
    }
  }

  static Map<Integer, Long> endOffsets(Admin admin, String topic) throws Exception {
    int partitions =
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
    Map<TopicPartition, OffsetSpec> request =
        new TreeMap<>((x, y) -> x.partition() - y.partition());
    for (int p = 0; p < partitions; p++) {
      request.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    Map<TopicPartition, ListOffsetsResultInfo> answer = admin.listOffsets(request).all().get();
    Map<Integer, Long> offsets = new TreeMap<>();
    answer.forEach((tp, info) -> offsets.put(tp.partition(), info.offset()));
    return offsets;
  }

  private static void seek(Admin admin, String topic, String group, Map<Integer, Long> offsets)
      throws Exception {
    Map<TopicPartition, OffsetAndMetadata> commit = new java.util.HashMap<>();
    offsets.forEach((p, o) -> commit.put(new TopicPartition(topic, p), new OffsetAndMetadata(o)));
    admin.alterConsumerGroupOffsets(group, commit).all().get();
  }

  private static Map<Integer, Long> committed(Admin admin, String topic, String group)
      throws Exception {
    Map<Integer, Long> offsets = new TreeMap<>();
    admin
        .listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata()
        .get()
        .forEach(
            (tp, om) -> {
              if (tp.topic().equals(topic) && om != null) {
                offsets.put(tp.partition(), om.offset());
              }
            });
    return offsets;
  }

  private static int waitFor(
      Admin admin, String topic, String group, Map<Integer, Long> target, String seconds)
      throws Exception {
    long deadline = System.currentTimeMillis() + Long.parseLong(seconds) * 1000;
    Map<Integer, Long> base = committed(admin, topic, group);
    List<Long> first = new ArrayList<>();
    while (System.currentTimeMillis() < deadline) {
      Map<Integer, Long> now = committed(admin, topic, group);
      long at = System.currentTimeMillis();
      long records = covered(base, now);
      if (first.isEmpty() && records > 0) {
        first.add(at);
        first.add(records);
      }
      if (reached(target, now)) {
        System.out.println(
            (first.isEmpty() ? at : first.get(0))
                + " "
                + (first.isEmpty() ? records : first.get(1))
                + " "
                + at
                + " "
                + records);
        return 0;
      }
      Thread.sleep(POLL.toMillis());
    }
    System.err.println("GroupOffsets: " + group + " did not reach " + format(target) + " in time");
    return 1;
  }
}
