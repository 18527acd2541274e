package dev.foodpipeline.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.DynamicMBean;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class MetricsServerTest {
  private static final MBeanServer MBEANS = ManagementFactory.getPlatformMBeanServer();

  @TempDir Path dir;
  private final List<ObjectName> registered = new java.util.ArrayList<>();

  @AfterEach
  void unregister() throws Exception {
    for (ObjectName name : registered) {
      MBEANS.unregisterMBean(name);
    }
  }

  /** An MBean with one numeric attribute, named as Kafka names them (dashes included). */
  private void register(String objectName, String attribute, double value) throws Exception {
    ObjectName name = new ObjectName(objectName);
    MBEANS.registerMBean(new OneAttribute(attribute, value), name);
    registered.add(name);
  }

  private static String scrape(MetricsServer server) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.url())).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  @Test
  void servesKafkaMetricsByTheBundledRulesAndTheProcessMemory() throws Exception {
    register(
        "kafka.producer:type=producer-metrics,client-id=food-generator", "record-send-total", 42.0);
    register(
        "kafka.connect:type=connect-worker-metrics,connector=orders-sink",
        "connector-failed-task-count",
        1.0);
    register("kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions", "Value", 3.0);
    try (MetricsServer server =
        MetricsServer.start(
            "127.0.0.1",
            0,
            MetricsServer.rulesOf(null, MetricsOptions.CLIENT_RULES),
            "kafka-clients.yml")) {
      String body = scrape(server);
      assertThat(body)
          .contains("kafka_producer_record_send_total{client_id=\"food-generator\"} 42.0")
          .contains(
              "kafka_connect_worker_connector_task_count{connector=\"orders-sink\",state=\"failed\"} 1.0")
          .contains("process_resident_memory_bytes ")
          .contains("jvm_memory_used_bytes{area=\"heap\"}")
          .as("the client rules do not read the broker's MBeans")
          .doesNotContain("underreplicated");
      assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port() + "/metrics");
    }
  }

  @Test
  void theBrokerRulesReadTheBrokersMBeans() throws Exception {
    register("kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions", "Value", 3.0);
    try (MetricsServer server =
        MetricsServer.start(
            "127.0.0.1", 0, MetricsServer.rulesOf(null, MetricsOptions.BROKER_RULES), "broker")) {
      assertThat(scrape(server))
          .contains("kafka_server_replicamanager_underreplicatedpartitions 3.0");
    }
  }

  @Test
  void aRulesFileIsReadFromItsPath() throws Exception {
    register("food.test:type=things", "count", 5.0);
    Path rules = dir.resolve("rules.yml");
    Files.writeString(
        rules,
        "lowercaseOutputName: true\n"
            + "rules:\n"
            + "  - pattern: 'food.test<type=things><>count'\n"
            + "    name: food_test_things\n"
            + "    type: GAUGE\n");
    try (MetricsServer server =
        MetricsServer.start("127.0.0.1", 0, MetricsServer.rulesOf(rules, "unused"), "r")) {
      assertThat(scrape(server)).contains("food_test_things 5.0");
    }
  }

  @Test
  void aTakenPortIsOneLineNamingIt() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      assertThatThrownBy(
              () ->
                  MetricsServer.start(
                      "127.0.0.1", port, MetricsServer.rulesOf(null, "kafka-clients.yml"), "r"))
          .isInstanceOf(MetricsServer.StartException.class)
          .hasMessage(
              "Metrics port "
                  + port
                  + " on 127.0.0.1 is already in use: is another instance running?");
    }
  }

  @Test
  void invalidRulesAreOneLineNamingTheFile() {
    assertThatThrownBy(() -> MetricsServer.start("127.0.0.1", 0, "rules: [ {pattern: 7", "x.yml"))
        .isInstanceOf(MetricsServer.StartException.class)
        .hasMessageStartingWith("Metrics: the JMX exporter rules x.yml are invalid: ");
  }

  @Test
  void anUnknownBundledRulesFileIsAnError() {
    assertThatThrownBy(() -> MetricsServer.rulesOf(null, "nope.yml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no bundled metrics rules named nope.yml");
    assertThatThrownBy(() -> MetricsServer.rulesOf(dir.resolve("missing.yml"), "x"))
        .hasMessageContaining("cannot read the rules file");
  }

  @Test
  void noneServesNothing() {
    assertThat(MetricsServer.NONE.port()).isEqualTo(-1);
    MetricsServer.NONE.close();
  }

  /** A program with the mixin, as the real ones have it. */
  @Command(name = "metrics-program")
  static final class Program implements Callable<Integer> {
    @Mixin MetricsOptions metrics = new MetricsOptions(MetricsOptions.BROKER_RULES);
    int port;

    @Override
    public Integer call() throws Exception {
      try (MetricsServer server = metrics.start()) {
        port = server.port();
        if (port >= 0) {
          scrape(server);
        }
      }
      return 0;
    }
  }

  private int run(Program program, Map<String, String> env, StringWriter err, String... args) {
    CommandLine command =
        Shell.commandLine(
            program,
            new Defaults("metrics", env),
            new ErrorClassifier("metrics-program"),
            "metrics-program: ");
    command.setErr(new PrintWriter(err, true));
    command.setOut(new PrintWriter(new StringWriter(), true));
    return command.execute(args);
  }

  @Test
  void theOptionsComeFromFlagsOrTheProgramsVariables() {
    Program off = new Program();
    assertThat(run(off, Map.of(), new StringWriter())).isZero();
    assertThat(off.port).as("no --metrics-port: no endpoint").isEqualTo(-1);

    Program fromEnv = new Program();
    assertThat(run(fromEnv, Map.of("FOOD_METRICS_METRICS_PORT", "0"), new StringWriter())).isZero();
    assertThat(fromEnv.port).isPositive();
    assertThat(fromEnv.metrics.enabled()).isTrue();
  }

  @Test
  void aPortOutOfRangeIsAUsageErrorNamingTheFlag() {
    StringWriter err = new StringWriter();
    assertThat(run(new Program(), Map.of(), err, "--metrics-port", "70000"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString().lines().findFirst().orElse(""))
        .isEqualTo("metrics-program: --metrics-port must be a port from 1 to 65535, got 70000");
  }

  @Test
  void theAgentServesTheSameMetricsFromItsArguments() throws Exception {
    register("kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions", "Value", 2.0);
    Path rules = dir.resolve("broker.yml");
    Files.writeString(rules, MetricsServer.rulesOf(null, MetricsOptions.BROKER_RULES));
    MetricsAgent.premain("port=0, host=127.0.0.1, rules=" + rules, null);
    try (MetricsServer server = MetricsAgent.server()) {
      assertThat(scrape(server))
          .contains("kafka_server_replicamanager_underreplicatedpartitions 2.0");
    }
    MetricsAgent.premain("port=x", null); // one line on stderr, no exception: the JVM runs on
    assertThatThrownBy(() -> MetricsAgent.premain("host=0.0.0.0"))
        .hasMessage(
            "metrics agent: expected port=PORT[,host=HOST][,rules=FILE], got 'host=0.0.0.0'");
    assertThatThrownBy(() -> MetricsAgent.premain("port"))
        .hasMessageContaining("expected KEY=VALUE, got 'port'");
    assertThatThrownBy(() -> MetricsAgent.premain("port=99999"))
        .hasMessage("metrics agent: port must be a port from 1 to 65535, got '99999'");
    assertThatThrownBy(() -> MetricsAgent.premain("port=x")).hasMessageContaining("got 'x'");
    assertThat(MetricsAgent.parse(null)).isEmpty();
  }

  /** A dynamic MBean: Kafka's attribute names have dashes, which a standard MBean cannot have. */
  private static final class OneAttribute implements DynamicMBean {
    private final String attribute;
    private final double value;

    OneAttribute(String attribute, double value) {
      this.attribute = attribute;
      this.value = value;
    }

    @Override
    public Object getAttribute(String name) {
      return value;
    }

    @Override
    public void setAttribute(Attribute attribute) {
      throw new UnsupportedOperationException();
    }

    @Override
    public AttributeList getAttributes(String[] names) {
      AttributeList list = new AttributeList();
      for (String name : names) {
        list.add(new Attribute(name, value));
      }
      return list;
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
      return new AttributeList();
    }

    @Override
    public Object invoke(String action, Object[] params, String[] signature) {
      return null;
    }

    @Override
    public MBeanInfo getMBeanInfo() {
      return new MBeanInfo(
          OneAttribute.class.getName(),
          "test",
          new MBeanAttributeInfo[] {
            new MBeanAttributeInfo(attribute, "double", "test", true, false, false)
          },
          null,
          null,
          null);
    }
  }
}
