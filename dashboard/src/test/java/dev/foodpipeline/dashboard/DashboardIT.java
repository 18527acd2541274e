package dev.foodpipeline.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.foodpipeline.infra.KafkaBroker;
import dev.foodpipeline.infra.PostgresServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The dashboard's program against a real broker and a real PostgreSQL, with the HTTP APIs of two
 * streams-app instances and of the Connect worker played by small servers answering what the real
 * ones answer (the whole pipeline in a browser is pipeline-tests' DashboardBrowserIT).
 */
class DashboardIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static KafkaBroker broker;
  private static PostgresServer postgres;
  private static HttpServer fakes;
  private static Main main;
  private static CompletableFuture<Integer> run;
  private static URI page;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    broker = KafkaBroker.start();
    postgres = PostgresServer.start();
    try (Connection db =
            DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
        Statement sql = db.createStatement()) {
      sql.execute(
          "CREATE TABLE orders (order_id text PRIMARY KEY, restaurant_id text NOT NULL,"
              + " created_at timestamptz NOT NULL, written_at timestamptz NOT NULL)");
      sql.execute(
          "INSERT INTO orders VALUES ('o1', 'r1', now() - interval '120 ms', now()),"
              + " ('o2', 'r1', now() - interval '80 ms', now()),"
              + " ('o3', 'r2', now() - interval '1 hour', now() - interval '2 minutes')");
      // The busiest restaurants come from the windows: r2 has most orders in the last five
      // minutes (3 against r1's 2); r3 had more, but in a window that ended ten minutes ago.
      sql.execute(
          "CREATE TABLE restaurant_stats (restaurant_id text, window_start timestamptz,"
              + " window_end timestamptz, order_count bigint,"
              + " PRIMARY KEY (restaurant_id, window_start))");
      sql.execute(
          "INSERT INTO restaurant_stats VALUES"
              + " ('r1', now() - interval '1 minute', now(), 2),"
              + " ('r2', now() - interval '3 minutes', now() - interval '2 minutes', 1),"
              + " ('r2', now() - interval '2 minutes', now() - interval '1 minute', 2),"
              + " ('r3', now() - interval '11 minutes', now() - interval '10 minutes', 9)");
      sql.execute(
          "CREATE TABLE rejected_orders (reason_code text NOT NULL,"
              + " written_at timestamptz NOT NULL DEFAULT now())");
      sql.execute(
          "INSERT INTO rejected_orders (reason_code) VALUES ('MALFORMED_JSON'),"
              + " ('MALFORMED_JSON'), ('PRICE_MISMATCH')");
      sql.execute(
          "CREATE TABLE notifications (type text, message text, notified_at timestamptz,"
              + " written_at timestamptz DEFAULT now())");
      sql.execute("INSERT INTO notifications VALUES ('ORDER_CONFIRMED', 'o1 confirmed', now())");
    }
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      admin.createTopics(java.util.List.of(new NewTopic("food-orders", 3, (short) 1))).all().get();
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(
              Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
              new StringSerializer(),
              new StringSerializer())) {
        for (int i = 0; i < 10; i++) {
          producer.send(new ProducerRecord<>("food-orders", i % 3, "k" + i, "v")).get();
        }
      }
      admin
          .alterConsumerGroupOffsets(
              "food-orders-streams",
              Map.of(new TopicPartition("food-orders", 0), new OffsetAndMetadata(1)))
          .all()
          .get();
    }
    fakes = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
    String server = "127.0.0.1:" + fakes.getAddress().getPort();
    fakes.createContext(
        "/assignment",
        exchange -> {
          byte[] body =
              ("{\"instanceId\":\"s-1\",\"applicationId\":\"food-orders-streams\",\"server\":\""
                      + server
                      + "\",\"state\":\"RUNNING\",\"threads\":[{\"threadName\":\"s-1-StreamThread-1\","
                      + "\"activeTasks\":[{\"taskId\":\"0_1\",\"partitions\":[\"food-orders-1\"]},"
                      + "{\"taskId\":\"0_0\",\"partitions\":[\"food-orders-0\"]}],\"standbyTasks\":[]}],"
                      + "\"instances\":[{\"server\":\""
                      + server
                      + "\"},{\"server\":\"127.0.0.1:1\"}],"
                      + "\"partitions\":{\"food-orders-0\":{\"active\":\""
                      + server
                      + "\",\"standby\":[]}}}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    fakes.createContext(
        "/restaurants/",
        exchange -> {
          String id = exchange.getRequestURI().getPath().split("/")[2];
          byte[] body =
              ("{\"restaurantId\":\""
                      + id
                      + "\",\"partition\":0,\"servedBy\":\""
                      + server
                      + "\",\"windows\":[{\"orderCount\":3,\"revenue\":30.50},"
                      + "{\"orderCount\":"
                      + (id.equals("r1") ? 2 : 1)
                      + ",\"revenue\":12.25}]}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    fakes.createContext(
        "/connectors",
        exchange -> {
          byte[] body =
              ("{\"orders-sink\":{\"info\":{\"config\":{\"topics\":\"food-orders-processed\"}},"
                      + "\"status\":{\"connector\":{\"state\":\"RUNNING\"},\"tasks\":[{\"id\":0,"
                      + "\"state\":\"FAILED\",\"worker_id\":\"w:8083\",\"trace\":"
                      + "\"org.apache.kafka.connect.errors.ConnectException: db down\\n\\tat x\"}]}}}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    fakes.start();
    main = new Main();
    CommandLine commandLine = Main.commandLine(main, Map.of());
    StringWriter err = new StringWriter();
    commandLine.setErr(new PrintWriter(err, true));
    run =
        CompletableFuture.supplyAsync(
            () ->
                commandLine.execute(
                    "--http-port",
                    "0",
                    "--bootstrap-servers",
                    broker.bootstrapServers(),
                    "--streams-urls",
                    "http://127.0.0.1:1," + "http://" + server,
                    "--connect-url",
                    "http://" + server,
                    "--jdbc-url",
                    postgres.jdbcUrl(),
                    "--jdbc-user",
                    postgres.user(),
                    "--jdbc-password-file",
                    passwordFile().toString(),
                    "--interval-ms",
                    "300"));
    await("the dashboard's port")
        .atMost(Duration.ofSeconds(30))
        .until(() -> main.boundHttpPort > 0);
    page = URI.create("http://127.0.0.1:" + main.boundHttpPort);
  }

  private static java.nio.file.Path passwordFile() {
    try {
      java.nio.file.Path file = java.nio.file.Files.createTempFile("dashboard-db", ".txt");
      java.nio.file.Files.writeString(file, postgres.password() + "\n");
      return file;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (main != null) {
      main.requestStop();
      assertThat(run.get()).isZero();
    }
    if (fakes != null) {
      fakes.stop(0);
    }
    if (postgres != null) {
      postgres.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(page.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode snapshot() throws Exception {
    return JSON.readTree(get("/api/snapshot").body());
  }

  @Test
  void theSnapshotHoldsWhatEachSourceSays() throws Exception {
    await("a snapshot with every section")
        .atMost(Duration.ofSeconds(30))
        .until(() -> snapshot().path("leaderboard").path("data").path("restaurants").size() == 2);
    JsonNode snapshot = snapshot();

    JsonNode foodOrders = snapshot.at("/kafka/data/topics/0");
    assertThat(foodOrders.path("topic").asText()).isEqualTo("food-orders");
    assertThat(foodOrders.path("endOffset").asLong()).isEqualTo(10);
    assertThat(foodOrders.path("partitions").asInt()).isEqualTo(3);
    JsonNode lag = snapshot.at("/kafka/data/groups/0");
    assertThat(lag.path("group").asText()).isEqualTo("food-orders-streams");
    assertThat(lag.path("lag").asLong()).isEqualTo(3); // 4 records on partition 0, 1 committed

    JsonNode streams = snapshot.at("/streams/data");
    assertThat(streams.path("applicationId").asText()).isEqualTo("food-orders-streams");
    assertThat(streams.path("instances")).hasSize(2);
    assertThat(streams.at("/instances/0/state").asText()).isEqualTo("UNREACHABLE");
    assertThat(streams.at("/instances/1/threads/0/active").toString())
        .isEqualTo("[\"food-orders-0\",\"food-orders-1\"]");

    JsonNode task = snapshot.at("/connect/data/connectors/0/tasks/0");
    assertThat(task.path("state").asText()).isEqualTo("FAILED");
    assertThat(task.path("error").asText())
        .isEqualTo("org.apache.kafka.connect.errors.ConnectException: db down");
    assertThat(snapshot.at("/connect/data/connectors/0/topics/0").asText())
        .isEqualTo("food-orders-processed");

    JsonNode database = snapshot.at("/database/data");
    assertThat(database.at("/rows/orders").asLong()).isEqualTo(3);
    assertThat(Instant.parse(database.path("rowsCountedAt").asText()))
        .isBetween(
            Instant.parse(snapshot.path("at").asText()).minusSeconds(5),
            Instant.parse(snapshot.path("at").asText()));
    assertThat(database.path("ordersLastMinute").asLong()).isEqualTo(2);
    assertThat(database.path("latencyP50Ms").asDouble()).isBetween(99.0, 101.0);
    assertThat(database.path("latencyP99Ms").asDouble()).isBetween(119.0, 121.0);
    assertThat(database.at("/rejectionsLastMinute/MALFORMED_JSON").asLong()).isEqualTo(2);
    assertThat(database.at("/notifications/0/type").asText()).isEqualTo("ORDER_CONFIRMED");
    assertThat(database.path("busiestRestaurants").toString()).isEqualTo("[\"r2\",\"r1\"]");

    JsonNode leader = snapshot.at("/leaderboard/data/restaurants/0");
    assertThat(leader.path("restaurantId").asText()).isEqualTo("r1");
    assertThat(leader.path("ordersNow").asLong()).isEqualTo(2);
    assertThat(leader.path("ordersKept").asLong()).isEqualTo(5);
    assertThat(leader.path("revenueKept").decimalValue()).isEqualByComparingTo("42.75");
  }

  @Test
  void thePageItsFilesAndHealthAreServed() throws Exception {
    assertThat(get("/health").statusCode()).isEqualTo(200);
    HttpResponse<String> index = get("/");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body()).contains("id=\"orders-rate\"", "/uplot.js");
    assertThat(get("/uplot.js").body()).contains("uPlot");
    assertThat(get("/uplot.css").statusCode()).isEqualTo(200);
    assertThat(get("/app.js").body()).contains("EventSource");
    assertThat(get("/app.css").statusCode()).isEqualTo(200);
    assertThat(get("/nothing").statusCode()).isEqualTo(404);
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(page.resolve("/api/snapshot"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
  }

  @Test
  void nobodyWatchingStopsThePollsAndTheNextLookGetsAFreshSnapshot() throws Exception {
    DashboardSettings settings =
        new DashboardSettings(
            "127.0.0.1",
            0,
            broker.bootstrapServers(),
            List.of(URI.create("http://127.0.0.1:1")),
            URI.create("http://127.0.0.1:1"),
            postgres.jdbcUrl(),
            postgres.user(),
            postgres.password(),
            Duration.ofMillis(100));
    try (Poller poller =
        Poller.create(settings, Duration.ofSeconds(1)).pollEvery(settings.interval())) {
      await("the polls of the first second")
          .atMost(Duration.ofSeconds(30))
          .until(() -> poller.latest().sequence() > 0);
      // Watched, it polls every 100 ms; a snapshot older than 500 ms means it stopped.
      await("idle: no poll for 500 ms")
          .atMost(Duration.ofSeconds(30))
          .until(() -> Duration.between(poller.latest().at(), Instant.now()).toMillis() > 500);
      Snapshot stale = poller.latest();

      Snapshot looked = poller.current(Duration.ofSeconds(10));

      assertThat(looked.sequence()).isGreaterThan(stale.sequence());
      assertThat(looked.at()).isAfter(stale.at());
      assertThat(looked.database().data().rows()).containsEntry("orders", 3L);
    }
  }

  @Test
  void theEventStreamSendsANewSnapshotEachInterval() throws Exception {
    HttpResponse<java.io.InputStream> events =
        http.send(
            HttpRequest.newBuilder(page.resolve("/api/events")).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(events.headers().firstValue("Content-Type")).hasValue("text/event-stream");
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
      long first = -1;
      long second = -1;
      String line;
      while ((line = lines.readLine()) != null && second < 0) {
        if (line.startsWith("data: ")) {
          long sequence = JSON.readTree(line.substring(6)).path("sequence").asLong();
          if (first < 0) {
            first = sequence;
          } else {
            second = sequence;
          }
        }
      }
      assertThat(second).isGreaterThan(first);
    }
  }
}
