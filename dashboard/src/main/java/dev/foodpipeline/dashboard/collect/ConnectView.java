package dev.foodpipeline.dashboard.collect;

import java.util.List;

/**
 * The Connect worker's connectors and their tasks, with the first line of a failed task's trace.
 */
public record ConnectView(List<Connector> connectors) {

  public record Connector(String name, String state, List<String> topics, List<Task> tasks) {}

  public record Task(int id, String state, String worker, String error) {}
}
