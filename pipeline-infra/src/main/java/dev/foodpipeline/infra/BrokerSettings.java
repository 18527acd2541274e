package dev.foodpipeline.infra;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Broker settings for one KRaft node on one machine: every internal topic with replication factor 1
 * (exactly-once needs the transaction-log ones) and lean memory settings (see environment.md).
 * {@code pipeline-infra/config/kafka/server.properties} repeats {@link #lean()} for the local
 * stack; a unit test keeps the two equal.
 */
final class BrokerSettings {

  static final String NODE_ID = "1";

  private BrokerSettings() {}

  /**
   * Replication factor 1 everywhere, small internal topics, few threads, a small cleaner buffer.
   */
  static Map<String, String> lean() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("num.network.threads", "2");
    settings.put("num.io.threads", "2");
    settings.put("background.threads", "2");
    settings.put("num.recovery.threads.per.data.dir", "1");
    settings.put("log.cleaner.threads", "1");
    settings.put("log.cleaner.dedupe.buffer.size", "8388608");
    settings.put("num.partitions", "1");
    settings.put("default.replication.factor", "1");
    settings.put("min.insync.replicas", "1");
    settings.put("offsets.topic.num.partitions", "1");
    settings.put("offsets.topic.replication.factor", "1");
    settings.put("transaction.state.log.num.partitions", "1");
    settings.put("transaction.state.log.replication.factor", "1");
    settings.put("transaction.state.log.min.isr", "1");
    settings.put("share.coordinator.state.topic.num.partitions", "1");
    settings.put("share.coordinator.state.topic.replication.factor", "1");
    settings.put("share.coordinator.state.topic.min.isr", "1");
    settings.put("auto.create.topics.enable", "false");
    settings.put("group.initial.rebalance.delay.ms", "0");
    return settings;
  }

  /** A combined broker and controller, node 1, listening on 127.0.0.1 only. */
  static Map<String, String> singleNode(int brokerPort, int controllerPort, Path logDir) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("node.id", NODE_ID);
    settings.put("process.roles", "broker,controller");
    settings.put(
        "listeners",
        "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    settings.put("inter.broker.listener.name", "PLAINTEXT");
    settings.put("controller.listener.names", "CONTROLLER");
    settings.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
    settings.put("log.dirs", logDir.toAbsolutePath().toString());
    return settings;
  }
}
