package dev.foodpipeline.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConnectWorkerIT {

  private static final Path WORKER_CONFIG =
      Path.of(
          System.getProperty(
              "infra.it.workerConfig", "../connect/config/connect-distributed.properties"));
  private static final Path PLUGIN_PATH =
      Path.of(System.getProperty("infra.it.pluginPath", "target/it-plugins"));

  /**
   * The worker file names the connect module's task healer, whose plugin folder is not among this
   * module's test plugins (it is built after this module): these workers run without it.
   */
  private static final String NO_REST_EXTENSION = "rest.extension.classes";

  private static final String JDBC_SINK = "io.debezium.connector.jdbc.JdbcSinkConnector";

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static KafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void workerFromTheLocalStackFileOffersTheDebeziumJdbcSink() throws Exception {
    try (ConnectWorker connect =
        ConnectWorker.builder()
            .workerConfig(WORKER_CONFIG)
            .bootstrapServers(broker.bootstrapServers())
            .pluginPath(PLUGIN_PATH)
            .set(NO_REST_EXTENSION, "")
            .start()) {
      assertThat(connect.restUrl()).startsWith("http://127.0.0.1:").endsWith("/");

      HttpResponse<String> plugins = get(connect.restUrl() + "connector-plugins");
      assertThat(plugins.statusCode()).isEqualTo(200);
      assertThat(plugins.body()).contains("\"class\":\"" + JDBC_SINK + "\"");
    }
  }

  @Test
  void localConnectRunsUntilStoppedWithOverridesOnTheFile() throws Exception {
    int port = Ports.free();
    try (BackgroundCommand worker =
        BackgroundCommand.start(
            LocalConnect::new,
            "--worker-config",
            WORKER_CONFIG.toString(),
            "--bootstrap-servers",
            broker.bootstrapServers(),
            "-c",
            "listeners=http://127.0.0.1:" + port,
            "-c",
            "rest.advertised.port=" + port,
            "--set",
            "plugin.path=" + PLUGIN_PATH.toAbsolutePath(),
            "--set",
            NO_REST_EXTENSION + "=",
            "--set",
            "group.id=local-connect-it",
            "--set",
            "config.storage.topic=local-connect-it-configs",
            "--set",
            "offset.storage.topic=local-connect-it-offsets",
            "--set",
            "status.storage.topic=local-connect-it-status")) {
      assertThat(worker.awaitOutput("Kafka Connect ready at", Duration.ofSeconds(120)))
          .contains("Kafka Connect ready at http://127.0.0.1:" + port + "/");

      assertThat(get("http://127.0.0.1:" + port + "/health").statusCode()).isEqualTo(200);
      assertThat(get("http://127.0.0.1:" + port + "/connector-plugins").body()).contains(JDBC_SINK);

      assertThat(worker.stop()).isZero();
      assertThat(worker.out()).contains("Kafka Connect stopped");
    }
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
