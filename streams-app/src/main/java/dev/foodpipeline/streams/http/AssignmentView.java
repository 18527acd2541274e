package dev.foodpipeline.streams.http;

import dev.foodpipeline.streams.StreamsApp;
import dev.foodpipeline.streams.ThreadAssignment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsMetadata;

/**
 * {@code GET /assignment}: this instance's stream threads with their active and standby tasks and
 * input partitions, and, from the Streams metadata that every instance receives with each
 * rebalance, every instance of the application and the owner of every input partition. The {@code
 * instances} and {@code partitions} parts are the same whichever instance answers.
 *
 * @param server this instance's {@code application.server} (how the others reach it)
 * @param instances every instance with an {@code application.server}, by server
 * @param partitions every input partition (including the app's repartition topics): its active
 *     owner and standby owners, by server
 */
public record AssignmentView(
    String instanceId,
    String applicationId,
    String server,
    String state,
    List<ThreadAssignment> threads,
    List<InstanceView> instances,
    Map<String, PartitionOwners> partitions) {

  /** One instance as the Streams metadata knows it. */
  public record InstanceView(
      String server,
      List<String> activePartitions,
      List<String> standbyPartitions,
      List<String> stores,
      List<String> standbyStores) {}

  /** Who processes a partition (active) and who keeps its state warm (standby). */
  public record PartitionOwners(String active, List<String> standby) {}

  static AssignmentView of(StreamsApp app, String server) {
    Collection<StreamsMetadata> metadata = app.kafkaStreams().metadataForAllStreamsClients();
    List<InstanceView> instances = new ArrayList<>();
    Map<String, String> active = new TreeMap<>();
    Map<String, List<String>> standby = new TreeMap<>();
    for (StreamsMetadata instance : metadata) {
      String host = instance.host() + ":" + instance.port();
      instances.add(
          new InstanceView(
              host,
              names(instance.topicPartitions()),
              names(instance.standbyTopicPartitions()),
              sorted(instance.stateStoreNames()),
              sorted(instance.standbyStateStoreNames())));
      instance.topicPartitions().forEach(partition -> active.put(partition.toString(), host));
      instance
          .standbyTopicPartitions()
          .forEach(
              partition ->
                  standby.computeIfAbsent(partition.toString(), p -> new ArrayList<>()).add(host));
    }
    instances.sort(Comparator.comparing(InstanceView::server));
    Map<String, PartitionOwners> partitions = new TreeMap<>(AssignmentView::byTopicThenPartition);
    Set<String> all = new TreeSet<>(active.keySet());
    all.addAll(standby.keySet());
    for (String partition : all) {
      partitions.put(
          partition,
          new PartitionOwners(
              active.get(partition),
              standby.getOrDefault(partition, List.of()).stream().sorted().toList()));
    }
    return new AssignmentView(
        app.settings().instanceId(),
        app.settings().applicationId(),
        server,
        app.state().name(),
        app.currentAssignment(),
        instances,
        partitions);
  }

  private static List<String> names(Set<TopicPartition> partitions) {
    return partitions.stream()
        .map(TopicPartition::toString)
        .sorted(AssignmentView::byTopicThenPartition)
        .toList();
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }

  /** {@code food-orders-2} before {@code food-orders-10}. */
  static int byTopicThenPartition(String a, String b) {
    int dashA = a.lastIndexOf('-');
    int dashB = b.lastIndexOf('-');
    if (dashA < 0 || dashB < 0) {
      return a.compareTo(b);
    }
    int topics = a.substring(0, dashA).compareTo(b.substring(0, dashB));
    if (topics != 0) {
      return topics;
    }
    return Integer.compare(partitionOf(a, dashA), partitionOf(b, dashB));
  }

  private static int partitionOf(String name, int dash) {
    try {
      return Integer.parseInt(name.substring(dash + 1));
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }
}
