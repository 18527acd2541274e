package dev.foodpipeline.connect.healer;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.health.ConnectClusterState;
import org.apache.kafka.connect.health.ConnectorHealth;
import org.apache.kafka.connect.health.ConnectorState;
import org.apache.kafka.connect.health.ConnectorType;
import org.apache.kafka.connect.health.TaskState;

/** Task states set by a test, as the worker's cluster state would report them. */
class FakeClusterState implements ConnectClusterState {
  static final String WORKER = "127.0.0.1:8083";

  private final Map<String, Map<Integer, TaskState>> connectors = new LinkedHashMap<>();

  void task(String connector, int task, String state) {
    task(connector, task, state, WORKER);
  }

  void task(String connector, int task, String state, String workerId) {
    String trace =
        "FAILED".equals(state)
            ? "org.apache.kafka.connect.errors.ConnectException: Exiting\nCaused by: boom"
            : null;
    connectors
        .computeIfAbsent(connector, name -> new LinkedHashMap<>())
        .put(task, new TaskState(task, state, workerId, trace));
  }

  void remove(String connector) {
    connectors.remove(connector);
  }

  @Override
  public Collection<String> connectors() {
    return List.copyOf(connectors.keySet());
  }

  @Override
  public ConnectorHealth connectorHealth(String connector) {
    Map<Integer, TaskState> tasks = connectors.get(connector);
    if (tasks == null) {
      throw new IllegalArgumentException("no connector " + connector);
    }
    return new ConnectorHealth(
        connector,
        new ConnectorState("RUNNING", WORKER, null),
        Map.copyOf(tasks),
        ConnectorType.SINK);
  }
}
