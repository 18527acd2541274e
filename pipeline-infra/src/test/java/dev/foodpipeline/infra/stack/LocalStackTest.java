package dev.foodpipeline.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {

  private static final List<String> SMALL =
      List.of(
          "# a comment",
          "",
          "start-order=db web",
          "db.ports=5432",
          "db.jvm=-Xmx64m -XX:+UseSerialGC",
          "db.ready=exit",
          "web.ports=7070",
          "web.instances=3",
          "web.ready=http /ready",
          "tool.jvm=-Xmx32m");

  @Test
  void theShippedDescriptionStartsTheStackInItsOrderWithItsPortsAndChecks() {
    LocalStack stack = LocalStack.load();

    assertThat(stack.startOrder())
        .extracting(Component::name)
        .containsExactly(
            "postgres",
            "kafka",
            "connect",
            "topics",
            "connectors",
            "streams",
            "notifications",
            "dashboard",
            "generator");
    assertThat(stack.hostPorts()).containsExactly(5432, 9092, 9093, 8083, 7070, 7071, 7080, 8080);
    assertThat(stack.component("dashboard").httpCheck().path()).isEqualTo("/health");
    assertThat(stack.component("notifications").httpCheck().path()).isEqualTo("/ready");
    assertThat(stack.component("notifications").port()).isEqualTo(7080);
    assertThat(stack.component("connect").httpCheck().path()).isEqualTo("/health");
    assertThat(stack.component("streams").httpCheck().path()).isEqualTo("/ready");
    assertThat(stack.component("postgres").ready()).isEqualTo(new Readiness.Exits());
    assertThat(stack.component("kafka").ready()).isEqualTo(new Readiness.LogLine("Kafka ready on"));
    assertThat(stack.component("streams").jvm())
        .containsExactly(
            "-Xms32m",
            "-Xmx128m",
            "-XX:+UseSerialGC",
            "-XX:MaxMetaspaceSize=96m",
            "-XX:TrimNativeHeapInterval=5000");
    assertThat(stack.component("sql").readiness()).isEmpty();
  }

  @Test
  void theJarsCopyIsTheRepositorysFile() {
    Path file = Path.of("config/local-stack.properties");
    assertThat(LocalStack.read(file).hostPorts()).isEqualTo(LocalStack.load().hostPorts());
    assertThat(LocalStack.read(file).startOrder()).isEqualTo(LocalStack.load().startOrder());
  }

  @Test
  void readsComponentsPortsInstancesJvmFlagsAndChecks(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("stack.properties");
    Files.write(file, SMALL);

    LocalStack stack = LocalStack.read(file);

    assertThat(stack.startOrder()).extracting(Component::name).containsExactly("db", "web");
    Component web = stack.component("web");
    assertThat(web.port()).isEqualTo(7070);
    assertThat(web.port(3)).isEqualTo(7072);
    assertThat(web.instances()).isEqualTo(3);
    assertThat(web.jvm()).isEmpty();
    assertThat(web.ready()).hasToString("http /ready");
    assertThat(stack.component("db").jvm()).containsExactly("-Xmx64m", "-XX:+UseSerialGC");
    assertThat(stack.component("db").ready()).hasToString("exit");
    assertThat(stack.component("tool").ports()).isEmpty();
    assertThat(stack.hostPorts()).containsExactly(5432, 7070, 7071, 7072);
  }

  @Test
  void aComponentAnswersOnlyTheQuestionsItsDescriptionAnswers() {
    LocalStack stack = LocalStack.parse(SMALL, "small");

    assertThatThrownBy(() -> stack.component("nope"))
        .hasMessage("the local stack has no component nope; it has [db, web, tool]");
    assertThatThrownBy(() -> stack.component("tool").port())
        .hasMessage("tool binds no port in the local stack's description");
    assertThatThrownBy(() -> stack.component("tool").ready())
        .hasMessage("tool has no readiness check in the local stack's description");
    assertThatThrownBy(() -> stack.component("db").httpCheck())
        .hasMessage("db has no HTTP readiness check in the local stack's description: exit");
    assertThatThrownBy(() -> stack.component("web").port(0))
        .hasMessage("instance numbers start at 1, got 0");
  }

  @Test
  void readinessHasThreeForms() {
    assertThat(Readiness.parse("exit")).isEqualTo(new Readiness.Exits());
    assertThat(Readiness.parse("http /health")).isEqualTo(new Readiness.HttpOk("/health"));
    assertThat(Readiness.parse("log Kafka ready on"))
        .isEqualTo(new Readiness.LogLine("Kafka ready on"));
    assertThat(Readiness.parse("log sent")).hasToString("log sent");
    for (String bad : List.of("tcp", "http health", "http /a b", "log ", "exit now")) {
      assertThatThrownBy(() -> Readiness.parse(bad))
          .as(bad)
          .hasMessage("expected 'exit', 'http /PATH' or 'log TEXT', got '" + bad + "'");
    }
    assertThat(new Readiness.HttpOk("/ready").uri("http://127.0.0.1:7070/"))
        .hasToString("http://127.0.0.1:7070/ready");
    assertThat(new Readiness.HttpOk("/ready").uri("http://127.0.0.1:7070"))
        .hasToString("http://127.0.0.1:7070/ready");
  }

  @Test
  void aLineTheShellWouldReadOtherwiseIsRefusedNamingItsLine() {
    assertRefused(
        "start-order=db\ndb.ready=exit\ndb.ports = 1", "x line 3: 'db.ports ' is not a key");
    assertRefused("start-order=db\ndb.ready= exit", "x line 2: db.ready has no value or spaces");
    assertRefused("start-order=db\ndb.ready=", "x line 2: db.ready has no value or spaces");
    assertRefused("start-order=db\ndb.ready=exit\\", "x line 2: db.ready holds a backslash");
    assertRefused(
        "start-order=db\ndb.jvm=-Xmx1m\t-Xms1m", "x line 2: db.jvm holds a backslash or a tab");
    assertRefused("start-order=db\ndb.ready", "x line 2: expected KEY=VALUE, got 'db.ready'");
    assertRefused("start-order=db\ndb.colour=red", "x line 2: unknown attribute in db.colour");
    assertRefused(
        "start-order=db\ndb.ready=exit\ndb.ready=exit", "x line 3: db.ready is given twice");
    assertRefused("# nothing else", "x: no start-order");
  }

  @Test
  void theStartOrderNamesEachStartedComponentOnceWithItsCheck() {
    assertRefused("start-order=db web\ndb.ready=exit", "x: start-order names web, which has no");
    assertRefused("start-order=db\ndb.ports=5432", "x: db is in start-order but has no db.ready");
    assertRefused("start-order=db db\ndb.ready=exit", "x: start-order names db twice");
    assertRefused(
        "start-order=web\nweb.ready=http /ready",
        "x: web has an HTTP readiness check but no web.ports");
    assertRefused("start-order=db\ndb.ready=tcp", "x: db.ready: expected 'exit', 'http /PATH'");
    assertRefused(
        "start-order=db\ndb.ready=exit\ndb.ports=70000",
        "x: db.ports must be a number from 1 to 65535, got 70000");
    assertRefused(
        "start-order=db\ndb.ready=exit\ndb.instances=two",
        "x: db.instances must be a number from 1 to 32767, got two");
  }

  @Test
  void everyLongRunningJvmServesMetricsOnItsOwnPortWithARulesFileOfTheRepository() {
    LocalStack stack = LocalStack.load();

    assertThat(stack.withMetrics())
        .extracting(Component::name)
        .containsExactlyInAnyOrder(
            "kafka",
            "kafka-2",
            "kafka-3",
            "connect",
            "streams",
            "notifications",
            "dashboard",
            "generator");
    Metrics streams = stack.component("streams").metrics().orElseThrow();
    assertThat(streams.job()).isEqualTo("streams-app");
    assertThat(streams.port(2)).isEqualTo(streams.port() + 1);
    assertThat(stack.component("kafka").metrics().orElseThrow().rulesPath())
        .isEqualTo("docker/jmx-exporter/kafka-broker.yml");
    assertThat(stack.component("connect").metrics().orElseThrow().job()).isEqualTo("connect");
    for (Component component : stack.withMetrics()) {
      assertThat(Path.of("..", component.metrics().orElseThrow().rulesPath()))
          .as(component.name())
          .isRegularFile();
    }
    assertThat(stack.component("postgres").metrics()).isEmpty();
    for (Component component : stack.startOrder()) {
      boolean runsOn =
          !component.jvm().isEmpty() && !(component.ready() instanceof Readiness.Exits);
      assertThat(component.metrics().isPresent())
          .as(
              "%s runs until stopped, so it serves metrics: give it %s.metrics-port and"
                  + " %s.metrics-rules (docs/monitoring.md)",
              component.name(), component.name(), component.name())
          .isEqualTo(runsOn);
    }
    assertThat(stack.component("prometheus").httpCheck().path()).isEqualTo("/-/ready");
    assertThatThrownBy(() -> streams.port(0)).hasMessage("instance numbers start at 1, got 0");
  }

  @Test
  void metricsNeedAPortAndARulesFile() {
    assertRefused(
        "start-order=db\ndb.ready=exit\ndb.metrics-rules=a.yml",
        "x: db has metrics settings but no db.metrics-port");
    assertRefused(
        "start-order=db\ndb.ready=exit\ndb.metrics-port=9404",
        "x: db.metrics-rules must name a rules file of docker/jmx-exporter");
    assertRefused(
        "start-order=db\ndb.ready=exit\ndb.metrics-port=9404\ndb.metrics-rules=../x.yml",
        "x: db.metrics-rules must name a rules file");
    assertThat(
            LocalStack.parse(
                    List.of(
                        "start-order=db",
                        "db.ready=exit",
                        "db.metrics-port=9404",
                        "db.metrics-rules=a.yml"),
                    "x")
                .component("db")
                .metrics())
        .contains(new Metrics(9404, "a.yml", "db"));
  }

  @Test
  void aMissingFileIsNamed(@TempDir Path folder) {
    Path missing = folder.resolve("none.properties");
    assertThatThrownBy(() -> LocalStack.read(missing))
        .hasMessage("Couldn't read the local stack's description " + missing);
  }

  private static void assertRefused(String text, String message) {
    assertThatThrownBy(() -> LocalStack.parse(text.lines().toList(), "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }
}
