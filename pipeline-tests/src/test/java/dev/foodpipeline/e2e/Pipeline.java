package dev.foodpipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.connect.ConnectRestClient;
import dev.foodpipeline.connect.ConnectorConfig;
import dev.foodpipeline.connect.ConnectorRegistrar;
import dev.foodpipeline.dashboard.DashboardSettings;
import dev.foodpipeline.dashboard.Poller;
import dev.foodpipeline.dashboard.http.DashboardHttp;
import dev.foodpipeline.generator.cli.GeneratorCommand;
import dev.foodpipeline.generator.cli.GeneratorEnvironment;
import dev.foodpipeline.infra.ConnectWorker;
import dev.foodpipeline.infra.KafkaBroker;
import dev.foodpipeline.infra.Ports;
import dev.foodpipeline.infra.PostgresServer;
import dev.foodpipeline.infra.stack.Component;
import dev.foodpipeline.infra.stack.LocalStack;
import dev.foodpipeline.model.topics.Topics;
import dev.foodpipeline.streams.CurrentApp;
import dev.foodpipeline.streams.StreamsApp;
import dev.foodpipeline.streams.StreamsSettings;
import dev.foodpipeline.streams.http.HttpApi;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine;

/**
 * The whole pipeline on real components in this JVM (PostgreSQL as its own server process): a KRaft
 * broker, PostgreSQL, a distributed Connect worker with the Debezium JDBC sink and the shipped
 * connector configs, one streams-app instance and the notification service (its jar, a process of
 * its own: {@link NotificationProcess}). They start in the local stack's start order and each is
 * waited for with its readiness check ({@link LocalStack}: Connect's {@code GET /health} in {@link
 * ConnectWorker}, the instance's {@code GET /ready}), on ports of their own rather than the local
 * stack's; the generator is left out (each test produces its own run). Paths to the connect
 * module's files come from failsafe's system properties.
 */
final class Pipeline implements AutoCloseable {
  /**
   * The seed of the restaurant catalogue, published before the Streams app starts: its GlobalKTable
   * is complete once the app is RUNNING, so no order can race ahead of its restaurant. Orders are
   * valid only against the catalogue of their own seed, so every test produces with it.
   */
  static final long SEED = 20261126;

  private final List<AutoCloseable> started = new ArrayList<>();
  private KafkaBroker broker;
  private PostgresServer postgres;
  private Path postgresData;
  private Database database;
  private ConnectWorker connect;
  private NotificationProcess notifications;
  private final String[] notificationFlags;
  private final List<String> streamsUrls = new ArrayList<>();
  private Component streamsComponent;

  private Pipeline(String... notificationFlags) {
    this.notificationFlags = notificationFlags.clone();
  }

  private static final Duration STREAMS_READY_TIMEOUT = Duration.ofSeconds(90);

  private void startComponents() throws Exception {
    for (Component component : LocalStack.load().startOrder()) {
      switch (component.name()) {
        case "postgres" -> {
          // A data directory and port of the pipeline's own, so that PostgreSQL can be stopped
          // and started again in place (stopPostgres, startPostgres); deleted on close.
          postgresData = Files.createTempDirectory("e2e-postgres");
          keep(() -> deleteRecursively(postgresData));
          postgres = keep(postgresOn(Ports.free()));
          database = new Database(postgres.jdbcUrl(), postgres.user(), postgres.password());
        }
        case "kafka" -> broker = keep(KafkaBroker.start());
        case "connect" ->
            connect =
                keep(
                    ConnectWorker.builder()
                        .workerConfig(path("e2e.workerConfig"))
                        .pluginPath(path("e2e.pluginPath"))
                        .bootstrapServers(broker.bootstrapServers())
                        .start());
        case "topics" -> createTopicsAndRestaurants();
        case "connectors" -> registerConnectors(connect.restUrl());
        case "streams" -> startStreams(component);
        case "notifications" ->
            notifications =
                keep(
                    NotificationProcess.start(
                        component,
                        path("e2e.notificationJar"),
                        broker.bootstrapServers(),
                        notificationFlags));
        case "dashboard" -> {
          // DashboardBrowserIT starts its own (dashboard()): the others need no page.
        }
        case "generator" -> {
          // Each test produces the orders it checks.
        }
        default ->
            throw new IllegalStateException(
                "no way to start " + component.name() + " of the local stack's start order");
      }
    }
  }

  private void createTopicsAndRestaurants() {
    assertThat(generator(Clock.systemUTC(), "topics", "-b", broker.bootstrapServers())).isZero();
    assertThat(
            generator(
                Clock.systemUTC(),
                "restaurants",
                "-b",
                broker.bootstrapServers(),
                "--seed",
                Long.toString(SEED)))
        .isZero();
  }

  /**
   * One instance with its HTTP endpoints on a free port, as streams-app's main runs it; ready when
   * the local stack's check of an instance ({@code GET /ready}) answers 200.
   */
  private void startStreams(Component component) throws IOException {
    streamsComponent = component;
    startStreamsInstance("e2e-1");
  }

  /**
   * Starts one more streams-app instance ({@code --instance-id instanceId}, 2 threads, its HTTP API
   * on a free port) and waits until it is ready; returns its HTTP API's URL.
   */
  String startStreamsInstance(String instanceId) throws IOException {
    Path stateDir = Files.createTempDirectory("e2e-streams");
    CurrentApp current = new CurrentApp();
    HttpApi http =
        keep(
            HttpApi.start(
                StreamsSettings.builder()
                    .flag("--bootstrap-servers", broker.bootstrapServers())
                    .flag("--instance-id", instanceId)
                    .flag("--threads", 2)
                    .flag("--state-dir", stateDir)
                    .flag("--http-port", 0)
                    .build(),
                current));
    StreamsApp streams = keep(new StreamsApp(http.settings()));
    current.running(streams);
    streams.start();
    streamsUrls.add(http.url());
    streamsComponent
        .httpCheck()
        .await("streams-app " + instanceId, http.url(), STREAMS_READY_TIMEOUT);
    return http.url();
  }

  /** Starts everything; whatever did start is stopped again when a later part fails. */
  static Pipeline start() throws Exception {
    return startWithNotificationFlags();
  }

  /**
   * Starts everything, the notification service with these flags (e.g. its kitchen capacity);
   * whatever did start is stopped again when a later part fails.
   */
  static Pipeline startWithNotificationFlags(String... flags) throws Exception {
    Pipeline pipeline = new Pipeline(flags);
    try {
      pipeline.startComponents();
      return pipeline;
    } catch (Exception | AssertionError e) {
      pipeline.close();
      throw e;
    }
  }

  String bootstrapServers() {
    return broker.bootstrapServers();
  }

  /**
   * Restarts the broker in place (same address, topics, records and offsets) while the Streams app
   * and the Connect worker keep running against it.
   */
  void restartBroker() {
    KafkaBroker restarted = broker.restart();
    started.set(started.indexOf(broker), restarted);
    broker = restarted;
  }

  /**
   * The dashboard (its {@code Poller} and HTTP server, in this JVM) on a free port, reading this
   * pipeline's broker, streams-app instances, Connect worker and PostgreSQL every 500 ms; stopped
   * with the pipeline. Returns the page's URL.
   */
  String startDashboard() {
    DashboardSettings settings =
        new DashboardSettings(
            "127.0.0.1",
            0,
            broker.bootstrapServers(),
            streamsUrls.stream().map(URI::create).toList(),
            URI.create(connect.restUrl()),
            postgres.jdbcUrl(),
            postgres.user(),
            postgres.password(),
            Duration.ofMillis(500));
    Poller poller = keep(Poller.create(settings));
    DashboardHttp http = keep(DashboardHttp.start(settings, poller));
    poller.pollEvery(settings.interval());
    return "http://127.0.0.1:" + http.port() + "/";
  }

  /** Stops PostgreSQL (a fast shutdown); the rest of the pipeline keeps running. */
  void stopPostgres() {
    postgres.close();
  }

  /** Starts PostgreSQL again on the same port and data directory, after {@link #stopPostgres}. */
  void startPostgres() {
    PostgresServer restarted = postgresOn(postgres.port());
    started.set(started.indexOf(postgres), restarted);
    postgres = restarted;
  }

  private PostgresServer postgresOn(int port) {
    return PostgresServer.builder().port(port).dataDirectory(postgresData).start();
  }

  private static void deleteRecursively(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** The notification service's process. */
  NotificationProcess notifications() {
    return notifications;
  }

  Database database() {
    return database;
  }

  /** The Connect worker's REST API. */
  ConnectRestClient connectClient() {
    return new ConnectRestClient(URI.create(connect.restUrl()));
  }

  /** The connectors the pipeline registered (one per file of the connect module's connectors). */
  List<String> connectorNames() throws IOException {
    try (Stream<Path> files = Files.list(path("e2e.connectors"))) {
      return files
          .filter(file -> file.toString().endsWith(".json"))
          .map(file -> ConnectorConfig.read(file).name())
          .sorted()
          .toList();
    }
  }

  /** Runs the generator CLI in this JVM; returns its exit code. */
  int generator(Clock clock, String... args) {
    CommandLine commandLine =
        GeneratorCommand.newCommandLine(GeneratorEnvironment.system().withClock(clock));
    StringWriter output = new StringWriter();
    commandLine.setOut(new PrintWriter(output));
    int exit = commandLine.execute(args);
    if (exit != 0) {
      System.out.println(
          "generator " + String.join(" ", args) + " exited " + exit + ":\n" + output);
    }
    return exit;
  }

  /** How a generator command run by {@link #produce} or {@link #reconcile} ended: its output. */
  record GeneratorRun(int exit, String output) {}

  /**
   * Runs {@code produce --no-setup -b <this broker>} and then {@code flags} (the run's seed, count,
   * ratios) in this JVM, with no environment; {@code --rate 0} unless {@code flags} name a rate (an
   * option given twice is refused).
   */
  GeneratorRun produce(String... flags) {
    List<String> args = new ArrayList<>(List.of("produce", "--no-setup", "-b", bootstrapServers()));
    if (!List.of(flags).contains("--rate")) {
      args.addAll(List.of("--rate", "0"));
    }
    args.addAll(List.of(flags));
    return runGenerator(args);
  }

  /** {@link #produce} on a thread of the common pool: a load that runs while the test acts. */
  CompletableFuture<GeneratorRun> produceInBackground(String... flags) {
    return CompletableFuture.supplyAsync(() -> produce(flags));
  }

  /**
   * Runs {@code reconcile} against this pipeline's PostgreSQL with {@code flags} (the run as {@code
   * --run-file} or its generation flags, {@code --wait}) in this JVM, with no environment.
   */
  GeneratorRun reconcile(String... flags) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "reconcile",
                "--jdbc-url",
                database.url(),
                "--jdbc-user",
                database.user(),
                "--jdbc-password",
                database.password()));
    args.addAll(List.of(flags));
    return runGenerator(args);
  }

  private static GeneratorRun runGenerator(List<String> args) {
    CommandLine commandLine =
        GeneratorCommand.newCommandLine(GeneratorEnvironment.system().withEnv(Map.of()));
    StringWriter output = new StringWriter();
    commandLine.setOut(new PrintWriter(output, true));
    commandLine.setErr(new PrintWriter(output, true));
    int exit = commandLine.execute(args.toArray(String[]::new));
    return new GeneratorRun(exit, output.toString());
  }

  /**
   * The next offset of each partition of food-orders: where the next produced records will land.
   */
  Map<Integer, Long> endOffsetsOfFoodOrders() throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      for (int p = 0; p < Topics.FOOD_ORDERS.partitions(); p++) {
        request.put(new TopicPartition(Topics.FOOD_ORDERS.name(), p), OffsetSpec.latest());
      }
      Map<Integer, Long> offsets = new HashMap<>();
      admin
          .listOffsets(request)
          .all()
          .get(30, TimeUnit.SECONDS)
          .forEach((partition, info) -> offsets.put(partition.partition(), info.offset()));
      return offsets;
    }
  }

  private void registerConnectors(String connectUrl) {
    StringWriter output = new StringWriter();
    CommandLine registrar = ConnectorRegistrar.commandLine();
    registrar.setOut(new PrintWriter(output));
    registrar.setErr(new PrintWriter(output));
    int exit =
        registrar.execute(
            "--connect-url",
            connectUrl,
            "--schema",
            path("e2e.schema").toString(),
            "-c",
            "connection.url=" + postgres.jdbcUrl(),
            "-c",
            "connection.username=" + postgres.user(),
            "-c",
            "connection.password=" + postgres.password(),
            path("e2e.connectors").toString());
    assertThat(exit).as("connector registration: %s", output).isZero();
  }

  private static Path path(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException(
          "System property " + property + " is not set: run this test through failsafe");
    }
    return Path.of(value);
  }

  private <T extends AutoCloseable> T keep(T resource) {
    started.add(0, resource);
    return resource;
  }

  @Override
  public void close() {
    for (AutoCloseable resource : started) {
      try {
        resource.close();
      } catch (Exception e) {
        System.err.println("Closing " + resource + " failed: " + e);
      }
    }
  }
}
