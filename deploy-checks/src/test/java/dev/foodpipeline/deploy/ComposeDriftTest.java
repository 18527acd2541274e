package dev.foodpipeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.foodpipeline.connect.ConnectorRegistrar;
import dev.foodpipeline.generator.cli.GeneratorCommand;
import dev.foodpipeline.generator.cli.GeneratorEnvironment;
import dev.foodpipeline.infra.stack.Component;
import dev.foodpipeline.infra.stack.LocalStack;
import dev.foodpipeline.infra.stack.Metrics;
import dev.foodpipeline.model.topics.Topic;
import dev.foodpipeline.model.topics.Topics;
import dev.foodpipeline.shell.Defaults;
import dev.foodpipeline.streams.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The compose stack and the no-Docker local stack use the same configuration: the same broker
 * settings, worker file, connector files, database and topics from the code registry, and the host
 * ports, JVM flags, readiness checks and start order of the local stack's description ({@link
 * LocalStack}, which scripts/local-stack reads); the compose file passes only options the programs
 * have (their picocli models say which).
 */
class ComposeDriftTest {
  static final String BROKER_PROPERTIES = "pipeline-infra/config/kafka/server.properties";
  static final String WORKER_PROPERTIES = "connect/config/connect-distributed.properties";
  static final String WORKER_OVERRIDES = "docker/connect/worker-overrides.properties";
  static final String CONNECTORS = "connect/connectors";
  static final String DB_SECRET_VOLUME = "db-secret";

  /** Broker keys that differ on purpose: the compose network has its own listeners and log dir. */
  private static final Set<String> BROKER_NETWORK_KEYS =
      Set.of(
          "listeners",
          "advertised.listeners",
          "listener.security.protocol.map",
          "controller.quorum.bootstrap.servers",
          "log.dirs");

  /**
   * The compose broker's own network settings (KAFKA_CONTROLLER_QUORUM_VOTERS: the image formats
   * with static voters).
   */
  private static final Set<String> COMPOSE_BROKER_NETWORK_VARIABLES =
      Set.of(
          "KAFKA_LISTENERS",
          "KAFKA_ADVERTISED_LISTENERS",
          "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP",
          "KAFKA_CONTROLLER_QUORUM_VOTERS",
          "KAFKA_LOG_DIRS");

  /** Read by Kafka's start scripts, not broker properties. */
  private static final Set<String> KAFKA_JVM_VARIABLES =
      Set.of("KAFKA_HEAP_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_OPTS");

  /** The only worker keys the Connect image may override: its network and file locations. */
  private static final Set<String> WORKER_NETWORK_KEYS =
      Set.of(
          "bootstrap.servers",
          "listeners",
          "rest.advertised.host.name",
          "rest.advertised.port",
          "plugin.path",
          "config.providers.directory.param.allowed.paths");

  /**
   * The compose services that run a component of the local stack's description. init runs the
   * topics and the connectors, the last of them.
   */
  private static final Map<String, String> COMPONENT_OF_SERVICE =
      Map.of(
          "kafka", "kafka",
          "postgres", "postgres",
          "connect", "connect",
          "init", "connectors",
          "streams-app-1", "streams",
          "streams-app-2", "streams",
          "streams-app-extra", "streams",
          "notification-service", "notifications",
          "dashboard", "dashboard",
          "generator", "generator");

  private final Compose compose = Compose.load();
  private final LocalStack stack = LocalStack.read(Repo.path(LocalStack.FILE));

  @Test
  void brokerHasTheLocalStacksSettingsExceptItsNetwork() {
    Properties local = Repo.properties(BROKER_PROPERTIES);
    Map<String, String> environment = compose.environment("kafka");
    Map<String, String> expected = new LinkedHashMap<>();
    Map<String, String> actual = new LinkedHashMap<>();
    for (String key : local.stringPropertyNames()) {
      if (BROKER_NETWORK_KEYS.contains(key)) {
        continue;
      }
      expected.put(key, local.getProperty(key));
      actual.put(key, environment.get(brokerVariable(key)));
    }
    assertThat(actual)
        .as("kafka environment in %s vs %s", Compose.FILE, BROKER_PROPERTIES)
        .isEqualTo(expected);
    assertThat(expected)
        .as("the lean settings that fit 2 GB and exactly-once on one node")
        .containsEntry("transaction.state.log.replication.factor", "1")
        .containsEntry("transaction.state.log.min.isr", "1")
        .containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("log.cleaner.dedupe.buffer.size", "8388608")
        .containsEntry("auto.create.topics.enable", "false");
  }

  @Test
  void brokerHasNoSettingTheLocalStackLacks() {
    Set<String> localVariables =
        Repo.properties(BROKER_PROPERTIES).stringPropertyNames().stream()
            .map(ComposeDriftTest::brokerVariable)
            .collect(Collectors.toSet());
    List<String> extra =
        compose.environment("kafka").keySet().stream()
            .filter(name -> name.startsWith("KAFKA_"))
            .filter(
                name ->
                    !KAFKA_JVM_VARIABLES.contains(name)
                        && !COMPOSE_BROKER_NETWORK_VARIABLES.contains(name))
            .filter(name -> !localVariables.contains(name))
            .collect(Collectors.toList());
    assertThat(extra)
        .as("add them to %s too, or to the network exceptions here", BROKER_PROPERTIES)
        .isEmpty();
  }

  @Test
  void hostPortsAreTheLocalStacks() {
    Properties broker = Repo.properties(BROKER_PROPERTIES);
    URI localAdvertised =
        URI.create(broker.getProperty("advertised.listeners").split(",")[0].trim());
    assertThat(List.of(localAdvertised.getPort(), listenerPort(broker, "CONTROLLER")))
        .as("the broker file's client and controller ports vs kafka.ports in %s", LocalStack.FILE)
        .isEqualTo(stack.component("kafka").ports());
    assertThat(compose.ports("kafka")).contains(localAdvertised.getPort() + ":29092");
    assertThat(compose.environment("kafka").get("KAFKA_ADVERTISED_LISTENERS"))
        .as("host clients are sent to the same address as with the local stack")
        .contains("HOST://" + localAdvertised.getHost() + ":" + localAdvertised.getPort());

    URI workerListener =
        URI.create(
            Repo.properties(WORKER_PROPERTIES).getProperty("listeners").split(",")[0].trim());
    assertThat(workerListener.getPort())
        .as("the worker file's REST port vs connect.ports in %s", LocalStack.FILE)
        .isEqualTo(stack.component("connect").port());
    assertThat(compose.ports("connect")).containsExactly(workerListener.getPort() + ":8083");

    int postgresPort = stack.component("postgres").port();
    assertThat(compose.ports("postgres")).containsExactly(postgresPort + ":5432");
    for (JsonNode connector : connectors()) {
      assertThat(jdbcPort(connector.at("/config/connection.url").asText())).isEqualTo(postgresPort);
    }

    assertThat(compose.ports("streams-app-1")).containsExactly("7070:7070");
    assertThat(compose.ports("streams-app-2")).containsExactly("7071:7070");
    assertThat(compose.ports("streams-app-extra"))
        .as("scaled instances take free host ports")
        .containsExactly(":7070");
  }

  @Test
  void everyClientInTheStackUsesTheBrokersContainerAddress() {
    String advertised = compose.environment("kafka").get("KAFKA_ADVERTISED_LISTENERS");
    String internal =
        Stream.of(advertised.split(","))
            .filter(listener -> listener.startsWith("PLAINTEXT://"))
            .map(listener -> listener.substring("PLAINTEXT://".length()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no PLAINTEXT listener in " + advertised));
    assertThat(internal).isEqualTo("kafka:9092");
    assertThat(Repo.properties(WORKER_OVERRIDES).getProperty("bootstrap.servers"))
        .isEqualTo(internal);
    assertThat(compose.environment("streams-app-1").get("FOOD_STREAMS_BOOTSTRAP_SERVERS"))
        .isEqualTo(internal);
    assertThat(compose.environment("streams-app-extra").get("FOOD_STREAMS_BOOTSTRAP_SERVERS"))
        .isEqualTo(internal);
    assertThat(compose.environment("generator").get("FOOD_BOOTSTRAP_SERVERS")).isEqualTo(internal);
    assertThat(compose.environment("init").get("FOOD_BOOTSTRAP_SERVERS")).isEqualTo(internal);
    assertThat(compose.environment("kafka-ui").get("KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS"))
        .isEqualTo(internal);
  }

  @Test
  void connectWorkerIsTheLocalStacksFileWithOnlyTheNetworkOverridden() {
    Properties overrides = Repo.properties(WORKER_OVERRIDES);
    assertThat(overrides.stringPropertyNames()).isSubsetOf(WORKER_NETWORK_KEYS);
    assertThat(Repo.properties(WORKER_PROPERTIES).stringPropertyNames())
        .as("every overridden key exists in the shared file")
        .containsAll(overrides.stringPropertyNames());
    String dockerfile = Repo.read("connect/Dockerfile");
    assertThat(dockerfile)
        .as("the image's worker file is the shared file with the overrides appended")
        .contains(
            "cat " + WORKER_PROPERTIES,
            "cat " + WORKER_OVERRIDES,
            "/opt/connect/config/worker.properties")
        .contains("COPY --from=build /out/plugins " + overrides.getProperty("plugin.path"));
    assertThat(URI.create(overrides.getProperty("listeners")).getPort()).isEqualTo(8083);
  }

  @Test
  void initRegistersTheSameConnectorFilesAndSchemaAsTheLocalStack() {
    String dockerfile = Repo.read("docker/init/Dockerfile");
    assertThat(dockerfile)
        .contains(
            "COPY " + CONNECTORS + " /app/connect/connectors", "COPY connect/sql /app/connect/sql");
    String init = Repo.read("docker/init/init.sh");
    assertThat(init)
        .contains(
            "dev.foodpipeline.connect.ConnectorRegistrar",
            "--schema /app/connect/sql/schema.sql",
            "/app/connect/connectors");
    assertThat(Repo.path("connect/sql/schema.sql")).isRegularFile();
    assertThat(connectors()).as("connector files in %s", CONNECTORS).isNotEmpty();
  }

  @Test
  void noPasswordIsWrittenDownOnlyWhereTheGeneratedOneIsRead() {
    String secretsFolder =
        Repo.properties(WORKER_OVERRIDES)
            .getProperty("config.providers.directory.param.allowed.paths");
    assertThat(secretsFolder).as("the worker's secrets folder").isNotBlank();
    assertThat(Repo.properties(WORKER_PROPERTIES))
        .containsEntry(
            "config.providers.directory.class",
            "org.apache.kafka.common.config.provider.DirectoryConfigProvider");
    String mount = DB_SECRET_VOLUME + ":" + secretsFolder + ":ro";
    for (String service : List.of("postgres", "connect", "init")) {
      assertThat(volumes(service))
          .as("%s reads the generated DB password", service)
          .contains(mount);
    }
    assertThat(volumes("secrets"))
        .as("secrets writes it")
        .contains(DB_SECRET_VOLUME + ":/secrets/db");

    assertThat(compose.environment("postgres"))
        .containsEntry("POSTGRES_DB", "food")
        .containsEntry("POSTGRES_USER", "food")
        .containsEntry("POSTGRES_PASSWORD_FILE", secretsFolder + "/password")
        .doesNotContainKey("POSTGRES_PASSWORD");
    assertThat(compose.environment("init"))
        .containsEntry("FOOD_JDBC_URL", "jdbc:postgresql://postgres:5432/food")
        .containsEntry("FOOD_DB_USER", "food");
    for (JsonNode connector : connectors()) {
      String name = connector.path("name").asText();
      assertThat(connector.at("/config/connection.username").asText()).as(name).isEqualTo("food");
      assertThat(connector.at("/config/connection.password").asText())
          .as(name)
          .isEqualTo("${directory:" + secretsFolder + ":password}");
      assertThat(connector.at("/config/connection.url").asText()).as(name).endsWith("/food");
    }

    List<String> literal = new ArrayList<>();
    compose
        .services()
        .keySet()
        .forEach(
            service ->
                compose
                    .environment(service)
                    .forEach(
                        (name, value) -> {
                          if (name.contains("PASSWORD") && !name.endsWith("_FILE")) {
                            literal.add(service + ": " + name);
                          }
                        }));
    assertThat(literal).as("passwords in the compose environment").isEmpty();
    assertThat(Repo.read("docker/init/init.sh"))
        .as("no password on the registrar's command line")
        .doesNotContain("--jdbc-password", "connection.password=");
  }

  @SuppressWarnings("unchecked")
  private List<String> volumes(String service) {
    Object declared = compose.service(service).get("volumes");
    return declared == null ? List.of() : (List<String>) declared;
  }

  @Test
  void connectorsSinkTopicsOfTheCodeRegistry() {
    Set<String> registry = Topics.all().stream().map(Topic::name).collect(Collectors.toSet());
    for (JsonNode connector : connectors()) {
      for (String topic : connector.at("/config/topics").asText().split(",")) {
        assertThat(registry)
            .as("topic %s of %s", topic, connector.path("name").asText())
            .contains(topic.trim());
      }
    }
  }

  @Test
  void topicsAreCreatedOnlyFromTheCodeRegistry() {
    assertThat(compose.environment("kafka"))
        .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    assertThat(Repo.read("docker/init/init.sh")).contains("order-generator.jar topics");
    List<String> elsewhere = new ArrayList<>();
    for (Path file : filesUnder("docker")) {
      if (read(file).contains("kafka-topics")) {
        elsewhere.add(Repo.root().relativize(file).toString());
      }
    }
    if (Repo.read(Compose.FILE).contains("kafka-topics")) {
      elsewhere.add(Compose.FILE);
    }
    assertThat(elsewhere).as("topics created by hand instead of by the registry").isEmpty();
  }

  @Test
  void streamsVariablesAreSettingsOfTheApp() {
    // The variables the app reads: the shell's FOOD_STREAMS_<FLAG> of each of its options.
    Defaults defaults = new Defaults("STREAMS", Map.of());
    Set<String> settings =
        programOptions(new CommandLine(new Main()).getCommandSpec()).stream()
            .map(option -> defaults.envName(Defaults.key(option)))
            .collect(Collectors.toSet());
    assertThat(settings)
        .contains(
            "FOOD_STREAMS_BOOTSTRAP_SERVERS", "FOOD_STREAMS_THREADS", "FOOD_STREAMS_INSTANCE_ID");
    for (String service : List.of("streams-app-1", "streams-app-2", "streams-app-extra")) {
      List<String> unknown =
          compose.environment(service).keySet().stream()
              .filter(
                  name ->
                      name.startsWith("FOOD_STREAMS_") && !name.startsWith("FOOD_STREAMS_CONFIG_"))
              .filter(name -> !settings.contains(name))
              .collect(Collectors.toList());
      assertThat(unknown).as("%s: variables streams-app does not read", service).isEmpty();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void streamsInstancesServeHttpOnTheirPublishedPortAndAreHealthyWhenReady() {
    for (String service : List.of("streams-app-1", "streams-app-2", "streams-app-extra")) {
      assertThat(compose.environment(service))
          .as(service)
          .containsEntry("FOOD_STREAMS_HTTP_HOST", "0.0.0.0")
          .containsEntry("FOOD_STREAMS_HTTP_PORT", "7070");
      assertThat(compose.ports(service))
          .as(service)
          .isNotEmpty()
          .allSatisfy(port -> assertThat(port).endsWith(":7070"));
      Map<String, Object> healthcheck =
          (Map<String, Object>) compose.service(service).get("healthcheck");
      assertThat(String.join(" ", strings(healthcheck.get("test"))))
          .as("%s is healthy when the local stack's streams.ready passes", service)
          .contains(
              "/dev/tcp/127.0.0.1/7070",
              "GET " + stack.component("streams").httpCheck().path() + " ",
              "' 200 '");
    }
    assertThat(compose.service("generator").get("depends_on").toString())
        .as("the generator starts once both instances are ready")
        .contains(
            "streams-app-1={condition=service_healthy}",
            "streams-app-2={condition=service_healthy}");
    Component streams = stack.component("streams");
    assertThat(streams.instances())
        .as("the local stack starts the two instances compose starts")
        .isEqualTo(2);
    assertThat(streams.port(2))
        .as("the local stack gives each instance its own HTTP port")
        .isNotEqualTo(streams.port(1));
  }

  @Test
  void notificationServiceVariablesAreSettingsOfTheService() {
    // The variables the service reads: the shell's FOOD_NOTIFICATION_SERVICE_<FLAG> of each option.
    Defaults defaults = new Defaults("NOTIFICATION_SERVICE", Map.of());
    Set<String> settings =
        programOptions(new CommandLine(new dev.foodpipeline.notify.Main()).getCommandSpec())
            .stream()
            .map(option -> defaults.envName(Defaults.key(option)))
            .collect(Collectors.toSet());
    Map<String, String> environment = compose.environment("notification-service");
    assertThat(settings)
        .contains(
            "FOOD_NOTIFICATION_SERVICE_BOOTSTRAP_SERVERS",
            "FOOD_NOTIFICATION_SERVICE_HTTP_HOST",
            "FOOD_NOTIFICATION_SERVICE_HTTP_PORT");
    assertThat(
            environment.keySet().stream()
                .filter(name -> name.startsWith("FOOD_"))
                .filter(name -> !settings.contains(name))
                .collect(Collectors.toList()))
        .as("notification-service: variables the service does not read")
        .isEmpty();
    assertThat(environment)
        .containsEntry("FOOD_NOTIFICATION_SERVICE_BOOTSTRAP_SERVERS", "kafka:9092")
        .containsEntry("FOOD_NOTIFICATION_SERVICE_HTTP_HOST", "0.0.0.0");
  }

  @Test
  @SuppressWarnings("unchecked")
  void notificationServiceServesHttpOnTheLocalStacksPortAndIsHealthyWhenReady() {
    Component notifications = stack.component("notifications");
    int port = notifications.port();
    assertThat(compose.environment("notification-service"))
        .containsEntry("FOOD_NOTIFICATION_SERVICE_HTTP_PORT", Integer.toString(port));
    assertThat(compose.ports("notification-service")).containsExactly(port + ":" + port);
    Map<String, Object> healthcheck =
        (Map<String, Object>) compose.service("notification-service").get("healthcheck");
    assertThat(String.join(" ", strings(healthcheck.get("test"))))
        .as("notification-service is healthy when the local stack's notifications.ready passes")
        .contains(
            "/dev/tcp/127.0.0.1/" + port,
            "GET " + notifications.httpCheck().path() + " ",
            "' 200 '");
    assertThat(compose.service("generator").get("depends_on").toString())
        .as("the generator starts once the service is ready, as in the local stack")
        .contains("notification-service={condition=service_healthy}");
  }

  @Test
  @SuppressWarnings("unchecked")
  void connectIsHealthyWhenTheLocalStacksCheckPasses() {
    int restPort = URI.create(Repo.properties(WORKER_OVERRIDES).getProperty("listeners")).getPort();
    Map<String, Object> healthcheck =
        (Map<String, Object>) compose.service("connect").get("healthcheck");
    assertThat(String.join(" ", strings(healthcheck.get("test"))))
        .contains(
            "/dev/tcp/127.0.0.1/" + restPort,
            "GET " + stack.component("connect").httpCheck().path() + " ",
            "' 200 '");
  }

  @Test
  void composeStartsEachServiceAfterWhatTheLocalStackStartsBeforeIt() {
    List<String> order = stack.startOrder().stream().map(Component::name).toList();
    assertThat(order).containsAll(COMPONENT_OF_SERVICE.values());
    COMPONENT_OF_SERVICE.forEach(
        (service, component) ->
            dependsOn(service)
                .forEach(
                    (dependency, condition) -> {
                      String before = COMPONENT_OF_SERVICE.get(dependency);
                      if (before == null) {
                        return;
                      }
                      assertThat(order.indexOf(before))
                          .as(
                              "%s waits for %s: %s starts before %s",
                              service, dependency, before, component)
                          .isLessThan(order.indexOf(component));
                      String ready = stack.component(before).ready().toString();
                      if (ready.startsWith("http ")) {
                        assertThat(condition)
                            .as("%s waits for %s's health check (%s)", service, dependency, ready)
                            .isEqualTo("service_healthy");
                      } else if (dependency.equals("init")) {
                        assertThat(condition)
                            .as("%s waits for init to finish", service)
                            .isEqualTo("service_completed_successfully");
                      }
                    }));
  }

  @SuppressWarnings("unchecked")
  private Map<String, String> dependsOn(String service) {
    Object declared = compose.service(service).get("depends_on");
    Map<String, String> conditions = new LinkedHashMap<>();
    if (declared instanceof Map<?, ?> map) {
      map.forEach(
          (name, spec) ->
              conditions.put(
                  String.valueOf(name),
                  String.valueOf(((Map<String, Object>) spec).get("condition"))));
    } else if (declared instanceof List<?> list) {
      list.forEach(name -> conditions.put(String.valueOf(name), "service_started"));
    }
    return conditions;
  }

  @Test
  void generatorAndInitPassOnlyOptionsTheProgramsHave() {
    CommandLine generator = GeneratorCommand.newCommandLine(GeneratorEnvironment.system());
    String generatorCommand =
        String.join(" ", strings(compose.service("generator").get("entrypoint")));
    assertThat(generatorCommand).contains("order-generator.jar produce");
    List<String> produce = after(generatorCommand, "order-generator.jar");
    assertThat(options(produce.subList(1, produce.size())))
        .isNotEmpty()
        .allSatisfy(option -> assertHas(generator, produce.get(0), option));

    List<String> subcommands = new ArrayList<>();
    List<String> registrar = List.of();
    for (String command : commands(Repo.read("docker/init/init.sh"))) {
      if (command.contains("order-generator.jar")) {
        List<String> words = after(command, "order-generator.jar");
        subcommands.add(words.get(0));
        assertThat(options(words.subList(1, words.size())))
            .as(command)
            .isNotEmpty()
            .allSatisfy(option -> assertHas(generator, words.get(0), option));
      }
      if (command.contains("java -cp '/app/connect-lib/*' " + ConnectorRegistrar.class.getName())) {
        registrar = after(command, ConnectorRegistrar.class.getName());
      }
    }
    assertThat(subcommands)
        .as("init.sh's generator commands")
        .containsExactly("topics", "restaurants");
    assertThat(registrar).as("the registrar's command line in init.sh").isNotEmpty();
    CommandSpec registrarSpec = ConnectorRegistrar.commandLine().getCommandSpec();
    assertThat(options(registrar))
        .isNotEmpty()
        .allSatisfy(
            option ->
                assertThat(registrarSpec.findOption(option))
                    .as("%s of ConnectorRegistrar", option)
                    .isNotNull());
  }

  private static void assertHas(CommandLine generator, String subcommand, String option) {
    CommandLine command = generator.getSubcommands().get(subcommand);
    assertThat(command).as("order-generator has a subcommand %s", subcommand).isNotNull();
    assertThat(command.getCommandSpec().findOption(option))
        .as("%s of order-generator %s", option, subcommand)
        .isNotNull();
  }

  @Test
  void jvmMemorySettingsAreTheLocalStacks() {
    Map<String, List<String>> pairs = new LinkedHashMap<>();
    pairs.put("kafka", List.of("kafka"));
    pairs.put("connect", List.of("connect"));
    pairs.put("streams", List.of("streams-app-1", "streams-app-2", "streams-app-extra"));
    pairs.put("notifications", List.of("notification-service"));
    pairs.put("dashboard", List.of("dashboard"));
    pairs.put("generator", List.of("generator"));
    pairs.forEach(
        (component, services) -> {
          Set<String> local = memoryFlags(String.join(" ", stack.component(component).jvm()));
          assertThat(local).as("%s.jvm in %s", component, LocalStack.FILE).isNotEmpty();
          for (String service : services) {
            Map<String, String> environment = compose.environment(service);
            String options =
                String.join(
                    " ",
                    environment.getOrDefault("JAVA_TOOL_OPTIONS", ""),
                    environment.getOrDefault("KAFKA_HEAP_OPTS", ""),
                    environment.getOrDefault("KAFKA_JVM_PERFORMANCE_OPTS", ""));
            assertThat(memoryFlags(options))
                .as("JVM memory flags of %s vs %s.jvm in %s", service, component, LocalStack.FILE)
                .isEqualTo(local);
          }
        });
  }

  @Test
  void localStackPortsAreTheComposeHostPorts() {
    assertThat(compose.ports("kafka")).contains(stack.component("kafka").port() + ":29092");
    assertThat(compose.ports("postgres"))
        .containsExactly(stack.component("postgres").port() + ":5432");
    assertThat(compose.ports("connect"))
        .containsExactly(stack.component("connect").port() + ":8083");
    Component streams = stack.component("streams");
    assertThat(compose.ports("streams-app-1")).containsExactly(streams.port(1) + ":7070");
    assertThat(compose.ports("streams-app-2")).containsExactly(streams.port(2) + ":7070");
    int notifications = stack.component("notifications").port();
    assertThat(compose.ports("notification-service"))
        .containsExactly(notifications + ":" + notifications);
    int dashboard = stack.component("dashboard").port();
    assertThat(compose.ports("dashboard")).containsExactly(dashboard + ":" + dashboard);
    assertThat(compose.ports("kafka-ui"))
        .as("Kafbat UI leaves the dashboard's port")
        .doesNotContain(dashboard + ":8080");
  }

  @Test
  void dashboardReadsTheStacksServicesAndIsHealthyWhenItsCheckPasses() {
    assertThat(compose.environment("dashboard"))
        .containsEntry("FOOD_DASHBOARD_BOOTSTRAP_SERVERS", "kafka:9092")
        .containsEntry(
            "FOOD_DASHBOARD_STREAMS_URLS", "http://streams-app-1:7070,http://streams-app-2:7070")
        .containsEntry("FOOD_DASHBOARD_CONNECT_URL", "http://connect:8083")
        .containsEntry("FOOD_DASHBOARD_JDBC_URL", "jdbc:postgresql://postgres:5432/food")
        .containsEntry(
            "FOOD_DASHBOARD_HTTP_PORT", String.valueOf(stack.component("dashboard").port()))
        .containsEntry("FOOD_DASHBOARD_JDBC_PASSWORD_FILE", "/run/secrets/food-db/password");
    assertThat(volumes("dashboard")).contains(DB_SECRET_VOLUME + ":/run/secrets/food-db:ro");
    assertThat(String.valueOf(compose.service("dashboard").get("healthcheck")))
        .contains("GET " + stack.component("dashboard").ready().toString().substring(5) + " HTTP");
  }

  /** The port of the listener {@code name} in the broker file's {@code listeners}. */
  private static int listenerPort(Properties broker, String name) {
    return Stream.of(broker.getProperty("listeners").split(","))
        .map(String::trim)
        .filter(listener -> listener.startsWith(name + "://"))
        .map(listener -> URI.create(listener).getPort())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " listener in the broker file"));
  }

  /**
   * The flags that decide a JVM's memory: heap, metaspace, thread stacks, direct memory, collector.
   */
  private static Set<String> memoryFlags(String options) {
    return Stream.of(options.trim().split("\\s+"))
        .filter(
            flag ->
                flag.startsWith("-Xms")
                    || flag.startsWith("-Xmx")
                    || flag.startsWith("-Xmn")
                    || flag.startsWith("-XX:SurvivorRatio=")
                    || flag.startsWith("-XX:TargetSurvivorRatio=")
                    || flag.startsWith("-Xss")
                    || flag.startsWith("-XX:MaxMetaspaceSize=")
                    || flag.startsWith("-XX:MaxDirectMemorySize=")
                    || flag.startsWith("-XX:TrimNativeHeapInterval=")
                    || flag.matches("-XX:\\+Use\\w*GC"))
        .collect(Collectors.toSet());
  }

  private static String brokerVariable(String property) {
    return "KAFKA_" + property.toUpperCase(Locale.ROOT).replace('.', '_');
  }

  private static int jdbcPort(String jdbcUrl) {
    return URI.create(jdbcUrl.substring("jdbc:".length())).getPort();
  }

  static List<JsonNode> connectors() {
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> connectors = new ArrayList<>();
    for (Path file : filesUnder(CONNECTORS)) {
      if (file.toString().endsWith(".json")) {
        try {
          connectors.add(mapper.readTree(file.toFile()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return connectors;
  }

  /** Where compose mounts a service's metrics rules file, and the port every service serves. */
  static final String METRICS_RULES_MOUNT = "/etc/food/metrics/rules.yml";

  static final int METRICS_PORT = 9404;

  @Test
  void everyServiceOfAComponentWithMetricsServesThemWithTheSameRulesFile() {
    Map<String, List<String>> targets = prometheusTargets();
    List<String> checked = new ArrayList<>();
    COMPONENT_OF_SERVICE.forEach(
        (service, name) -> {
          Component component = stack.component(name);
          if (component.metrics().isEmpty()) {
            return;
          }
          Metrics metrics = component.metrics().orElseThrow();
          assertThat(volumes(service))
              .as("%s mounts %s.metrics-rules of %s", service, name, LocalStack.FILE)
              .contains("./" + metrics.rulesPath() + ":" + METRICS_RULES_MOUNT + ":ro");
          assertThat(metricsSettings(service))
              .as("%s serves its metrics on :%d with the mounted rules", service, METRICS_PORT)
              .containsEntry("port", String.valueOf(METRICS_PORT))
              .containsEntry("host", "0.0.0.0")
              .containsEntry("rules", METRICS_RULES_MOUNT);
          String job = service.endsWith("-extra") ? metrics.job() + "-extra" : metrics.job();
          assertThat(targets)
              .as("Prometheus scrapes %s as job %s (%s.metrics-job)", service, job, name)
              .containsKey(job);
          if (compose.service(service).containsKey("profiles")) {
            // An opt-in service is found by its DNS name: no target, so no "down" alert, without
            // it.
            assertThat(targets.get(job))
                .as("job %s discovers %s by DNS", job, service)
                .contains(service);
          } else if (!service.endsWith("-extra")) {
            assertThat(targets.get(job)).contains(service + ":" + METRICS_PORT);
          }
          checked.add(service);
        });
    assertThat(checked).contains("kafka", "connect", "streams-app-1", "generator");
  }

  @Test
  void theLocalStacksPrometheusScrapesTheSameJobsWithTheSameRules() throws Exception {
    Map<String, Object> composeConfig = Repo.yaml(PROMETHEUS_CONFIG);
    Map<String, Object> local =
        new org.yaml.snakeyaml.Yaml(
                new org.yaml.snakeyaml.constructor.SafeConstructor(
                    new org.yaml.snakeyaml.LoaderOptions()))
            .load(run("scripts/local-stack", "prometheus-config"));
    assertThat(local.get("global")).isEqualTo(composeConfig.get("global"));
    assertThat(jobTargets(local).keySet())
        .as("jobs of `scripts/local-stack prometheus-config` vs %s", PROMETHEUS_CONFIG)
        .containsExactlyInAnyOrderElementsOf(jobTargets(composeConfig).keySet());
    jobTargets(composeConfig)
        .forEach(
            (job, targets) ->
                assertThat(jobTargets(local).get(job))
                    .as("as many targets for job %s", job)
                    .hasSameSizeAs(targets));
    assertThat(strings(local.get("rule_files")))
        .containsExactly(Repo.path(PROMETHEUS_RULES).toString());
    assertThat(strings(composeConfig.get("rule_files")))
        .containsExactly("/etc/prometheus/rules.yml");
    assertThat(volumes("prometheus"))
        .contains("./" + PROMETHEUS_RULES + ":/etc/prometheus/rules.yml:ro");
    assertThat(compose.ports("prometheus"))
        .containsExactly(stack.component("prometheus").port() + ":9090");
  }

  static final String PROMETHEUS_CONFIG = "docker/prometheus/prometheus.yml";
  static final String PROMETHEUS_RULES = "docker/prometheus/rules.yml";

  /** The metrics settings of a service: FOOD_*_METRICS_* of our programs, or the agent's. */
  private Map<String, String> metricsSettings(String service) {
    Map<String, String> settings = new LinkedHashMap<>();
    compose
        .environment(service)
        .forEach(
            (name, value) -> {
              if (name.startsWith("FOOD_") && name.contains("_METRICS_")) {
                settings.put(
                    name.substring(name.indexOf("_METRICS_") + 9).toLowerCase(Locale.ROOT), value);
              }
            });
    String agent = compose.environment(service).getOrDefault("KAFKA_OPTS", "");
    int at = agent.indexOf("metrics-agent.jar=");
    if (at >= 0) {
      for (String pair : agent.substring(at + 18).split("\\s")[0].split(",")) {
        String[] keyValue = pair.split("=", 2);
        settings.put(keyValue[0], keyValue[1]);
      }
    }
    return settings;
  }

  /** The targets of each scrape job of compose's Prometheus (DNS discovery: the names). */
  private static Map<String, List<String>> prometheusTargets() {
    return jobTargets(Repo.yaml(PROMETHEUS_CONFIG));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, List<String>> jobTargets(Map<String, Object> config) {
    Map<String, List<String>> jobs = new LinkedHashMap<>();
    for (Map<String, Object> job : (List<Map<String, Object>>) config.get("scrape_configs")) {
      List<String> targets = new ArrayList<>();
      for (String kind : List.of("static_configs", "dns_sd_configs", "file_sd_configs")) {
        Object configs = job.get(kind);
        if (configs == null) {
          continue;
        }
        for (Map<String, Object> entry : (List<Map<String, Object>>) configs) {
          for (String key : List.of("targets", "names", "files")) {
            if (entry.containsKey(key)) {
              targets.addAll(strings(entry.get(key)));
            }
          }
        }
      }
      jobs.put(String.valueOf(job.get("job_name")), targets);
    }
    return jobs;
  }

  /** Runs a script of the repository and returns its standard output (exit 0 expected). */
  private static String run(String... command) throws IOException, InterruptedException {
    List<String> words = new ArrayList<>(List.of(command));
    words.set(0, Repo.path(command[0]).toString());
    Process process =
        new ProcessBuilder(words)
            .directory(Repo.root().toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
    return out;
  }

  private static List<Path> filesUnder(String folder) {
    try (Stream<Path> files = Files.walk(Repo.path(folder))) {
      return files.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The options of a command, without --help and --version. */
  private static List<OptionSpec> programOptions(CommandSpec command) {
    return command.options().stream()
        .filter(option -> !option.usageHelp() && !option.versionHelp())
        .collect(Collectors.toList());
  }

  /** A script's commands: its lines with continuation lines joined, comments left out. */
  private static List<String> commands(String script) {
    return Stream.of(script.replace("\\\n", " ").split("\n"))
        .map(String::trim)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .collect(Collectors.toList());
  }

  /** The words of {@code command} after the word ending in {@code marker}. */
  private static List<String> after(String command, String marker) {
    List<String> words = List.of(command.trim().split("\\s+"));
    for (int i = 0; i < words.size(); i++) {
      if (words.get(i).endsWith(marker)) {
        return words.subList(i + 1, words.size());
      }
    }
    throw new AssertionError("no " + marker + " in: " + command);
  }

  /** The option names among {@code words} ({@code --name=value} counts as {@code --name}). */
  private static Set<String> options(List<String> words) {
    Set<String> options = new HashSet<>();
    for (String word : words) {
      if (word.matches("--?[a-zA-Z][\\w-]*(=.*)?")) {
        options.add(word.split("=", 2)[0]);
      }
    }
    return options;
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object value) {
    return value instanceof List ? (List<String>) value : List.of(String.valueOf(value));
  }
}
