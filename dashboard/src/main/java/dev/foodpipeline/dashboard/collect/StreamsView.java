package dev.foodpipeline.dashboard.collect;

import java.util.List;
import java.util.Map;

/**
 * The Streams application's instances, their threads and the partitions each thread works on, and
 * every input partition's active owner, as the instances' {@code GET /assignment} tell it.
 *
 * @param partitions every input partition ({@code topic-partition}) by the server that owns it
 */
public record StreamsView(
    String applicationId, List<Instance> instances, Map<String, String> partitions) {

  /** One instance: its server ({@code host:port} of its HTTP API), state and threads. */
  public record Instance(
      String server, String instanceId, String state, List<Thread> threads, String error) {}

  /** One stream thread and the input partitions of its active and standby tasks. */
  public record Thread(String name, List<String> active, List<String> standby) {}
}
