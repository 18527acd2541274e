package dev.foodpipeline.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.connect.FakeConnect.Answer;
import dev.foodpipeline.shell.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConnectorRegistrarTest {

  private static final String CONFIG = "/connectors/s/config";
  private static final String STATUS = "/connectors/s/status";

  @TempDir Path directory;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private FakeConnect connect;
  private Path connectorFile;

  @BeforeEach
  void setUp() throws IOException {
    connect = new FakeConnect();
    connectorFile = directory.resolve("s.json");
    Files.writeString(
        connectorFile,
        "{\"name\":\"s\",\"config\":{\"topics\":\"t\",\"connection.url\":\"jdbc:x\"}}");
  }

  @AfterEach
  void tearDown() {
    connect.close();
  }

  @Test
  void createsTheConnectorWithOverridesAndWaitsUntilItRuns() {
    connect
        .on(
            "GET " + CONFIG,
            new Answer(404, "{\"error_code\":404,\"message\":\"Connector s not found\"}"))
        .on("PUT " + CONFIG, new Answer(201, "{}"))
        .on(
            "GET " + STATUS,
            new Answer(404, "{}"),
            new Answer(200, status("RUNNING", "UNASSIGNED")),
            new Answer(200, status("RUNNING", "RUNNING")));

    int exitCode =
        run(
            "--set",
            "connection.url=jdbc:postgresql://postgres:5432/food",
            connectorFile.toString());

    assertThat(exitCode).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo(String.format("s: created%ns: RUNNING (1 task)%n"));
    assertThat(connect.requests())
        .filteredOn(request -> request.method().equals("PUT"))
        .singleElement()
        .satisfies(
            put ->
                assertThat(put.body())
                    .isEqualTo(
                        "{\"topics\":\"t\",\"connection.url\":\"jdbc:postgresql://postgres:5432/food\",\"name\":\"s\"}"));
  }

  @Test
  void leavesAConnectorAloneWhenConnectHoldsTheSameConfig() {
    connect
        .on(
            "GET " + CONFIG,
            new Answer(200, "{\"topics\":\"t\",\"connection.url\":\"jdbc:x\",\"name\":\"s\"}"))
        .running("s");

    int exitCode = run(connectorFile.toString());

    assertThat(exitCode).isZero();
    assertThat(out.toString()).startsWith("s: unchanged");
    assertThat(connect.count("PUT")).isZero();
  }

  @Test
  void updatesAConnectorWhoseConfigDiffers() {
    connect
        .on("GET " + CONFIG, new Answer(200, "{\"topics\":\"old\",\"name\":\"s\"}"))
        .on("PUT " + CONFIG, new Answer(200, "{}"));

    int exitCode = run("--no-wait", connectorFile.toString());

    assertThat(exitCode).isZero();
    assertThat(out.toString()).isEqualTo(String.format("s: updated%n"));
    assertThat(connect.count("GET")).isEqualTo(1);
  }

  @Test
  void triesAgainWhileConnectIsRebalancing() {
    connect
        .on(
            "GET " + CONFIG,
            new Answer(409, "{\"error_code\":409,\"message\":\"rebalance in progress\"}"),
            new Answer(404, "{}"))
        .on("PUT " + CONFIG, new Answer(201, "{}"));

    int exitCode = run("--no-wait", connectorFile.toString());

    assertThat(exitCode).as(err.toString()).isZero();
    assertThat(out.toString()).contains("s: created");
  }

  @Test
  void triesAgainWhileANewWorkerExpectsARebalance() {
    connect
        .on(
            "GET " + CONFIG,
            new Answer(
                500,
                "{\"error_code\":500,\"message\":\"Request cannot be completed "
                    + "because a rebalance is expected\"}"),
            new Answer(404, "{}"))
        .on("PUT " + CONFIG, new Answer(201, "{}"));

    int exitCode = run("--no-wait", connectorFile.toString());

    assertThat(exitCode).as(err.toString()).isZero();
    assertThat(out.toString()).contains("s: created");
  }

  @Test
  void givesUpOnOtherServerErrors() {
    connect.on(
        "GET " + CONFIG, new Answer(500, "{\"error_code\":500,\"message\":\"disk on fire\"}"));

    int exitCode = run("--no-wait", connectorFile.toString());

    assertThat(exitCode).isEqualTo(ConnectorRegistrar.FAILED);
    assertThat(err.toString()).contains("(HTTP 500): disk on fire");
  }

  @Test
  void reportsConnectsOwnErrorMessageOnOneLine() {
    connect
        .on("GET " + CONFIG, new Answer(404, "{}"))
        .on(
            "PUT " + CONFIG,
            new Answer(
                400,
                "{\"error_code\":400,\"message\":\"Connector configuration is "
                    + "invalid and contains the following 1 error(s):\\nMissing required configuration\"}"));

    int exitCode = run(connectorFile.toString());

    assertThat(exitCode).isEqualTo(ConnectorRegistrar.FAILED);
    assertThat(err.toString())
        .startsWith(
            "Kafka Connect at "
                + connect.url()
                + " refused registering s (HTTP 400): "
                + "Connector configuration is invalid");
  }

  @Test
  void stopsAtOnceWhenATaskFails() {
    connect
        .on("GET " + CONFIG, new Answer(404, "{}"))
        .on("PUT " + CONFIG, new Answer(201, "{}"))
        .on(
            "GET " + STATUS,
            new Answer(
                200,
                "{\"name\":\"s\",\"connector\":{\"state\":\"RUNNING\"},"
                    + "\"tasks\":[{\"id\":0,\"state\":\"FAILED\",\"trace\":\"org.postgresql.util.PSQLException: "
                    + "Connection to 127.0.0.1:5432 refused.\\n\\tat org.postgresql...\"}]}"));

    int exitCode = run(connectorFile.toString());

    assertThat(exitCode).isEqualTo(ConnectorRegistrar.FAILED);
    assertThat(err.toString().strip())
        .isEqualTo(
            "s FAILED: task 0: org.postgresql.util.PSQLException: Connection to 127.0.0.1:5432 refused.");
  }

  @Test
  void givesUpWaitingAfterTheTimeoutNamingWhatItWaitedFor() {
    connect
        .on("GET " + CONFIG, new Answer(404, "{}"))
        .on("PUT " + CONFIG, new Answer(201, "{}"))
        .on("GET " + STATUS, new Answer(200, status("RUNNING", "UNASSIGNED")));

    int exitCode = run("--timeout", "1", connectorFile.toString());

    assertThat(exitCode).isEqualTo(ConnectorRegistrar.FAILED);
    assertThat(err.toString().strip())
        .isEqualTo("Not RUNNING in time: s (connector RUNNING, tasks [0 UNASSIGNED])");
  }

  @Test
  void saysPlainlyWhenConnectIsNotThere() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }

    int exitCode = run("--connect-url", "http://127.0.0.1:" + port, connectorFile.toString());

    assertThat(exitCode).isEqualTo(ConnectorRegistrar.FAILED);
    assertThat(err.toString().strip())
        .isEqualTo(
            "Couldn't reach Kafka Connect at http://127.0.0.1:" + port + "/: connection refused");
  }

  @Test
  void readsEveryJsonFileOfAFolderInNameOrder() throws IOException {
    Path folder = Files.createDirectory(directory.resolve("connectors"));
    Files.writeString(folder.resolve("b.json"), "{\"name\":\"b\",\"config\":{}}");
    Files.writeString(folder.resolve("a.json"), "{\"name\":\"a\",\"config\":{}}");
    Files.writeString(folder.resolve("notes.txt"), "not a connector");

    assertThat(ConnectorRegistrar.load(List.of(folder)))
        .extracting(ConnectorConfig::name)
        .containsExactly("a", "b");
  }

  @Test
  void anEmptyFolderIsAnError() throws IOException {
    Path folder = Files.createDirectory(directory.resolve("empty"));

    int exitCode = run(folder.toString());

    assertThat(exitCode).isEqualTo(ConnectorRegistrar.FAILED);
    assertThat(err.toString()).startsWith("No connector files found in [" + folder + "]");
  }

  @Test
  void theSchemaNeedsSomewhereToGo() throws IOException {
    Path schema = Files.writeString(directory.resolve("schema.sql"), "SELECT 1");
    Files.writeString(connectorFile, "{\"name\":\"s\",\"config\":{\"topics\":\"t\"}}");

    int exitCode = run("--schema", schema.toString(), connectorFile.toString());

    assertThat(exitCode).isEqualTo(ConnectorRegistrar.FAILED);
    assertThat(err.toString())
        .startsWith("--schema needs a JDBC setting: give --jdbc-* or put connection.url in s");
  }

  @Test
  void anUnreachableDatabaseIsReportedBeforeAnyConnectorIsTouched() throws IOException {
    Path schema = Files.writeString(directory.resolve("schema.sql"), "SELECT 1");
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/food";

    int exitCode =
        run(
            "--schema",
            schema.toString(),
            "--jdbc-url",
            url,
            "--jdbc-user",
            "food",
            connectorFile.toString());

    assertThat(exitCode).isEqualTo(ConnectorRegistrar.FAILED);
    assertThat(err.toString()).startsWith("Couldn't apply " + schema + " to " + url + " as food: ");
    assertThat(connect.requests()).isEmpty();
  }

  @Test
  void aMissingSchemaFileIsNamed() {
    int exitCode =
        run(
            "--schema",
            directory.resolve("none.sql").toString(),
            "--jdbc-url",
            "jdbc:x",
            "--jdbc-user",
            "food",
            connectorFile.toString());

    assertThat(exitCode).isEqualTo(ConnectorRegistrar.FAILED);
    assertThat(err.toString())
        .startsWith("Couldn't read the schema file " + directory.resolve("none.sql"));
  }

  @Test
  void anAnswerThatIsNotJsonIsAPlainError() {
    connect.on("GET " + CONFIG, new Answer(200, "<html>proxy</html>"));

    int exitCode = run(connectorFile.toString());

    assertThat(exitCode).isEqualTo(ConnectorRegistrar.FAILED);
    assertThat(err.toString())
        .startsWith("Kafka Connect at " + connect.url() + " answered something that is not");
  }

  @Test
  void errorBodiesWithoutJsonAreShownAsTheyCame() {
    assertThat(ConnectRestClient.errorMessage("Bad gateway")).isEqualTo("Bad gateway");
    assertThat(ConnectRestClient.errorMessage("")).isEqualTo("(empty body)");
    assertThat(ConnectRestClient.errorMessage("{\"message\":\"nope\"}")).isEqualTo("nope");
  }

  @Test
  void withoutConnectorFilesItPrintsUsage() {
    int exitCode = run();

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required parameter: 'FILE_OR_FOLDER'");
  }

  private int run(String... args) {
    return run(Map.of(), args);
  }

  private int run(Map<String, String> env, String... args) {
    List<String> all = new ArrayList<>();
    if (!List.of(args).contains("--connect-url")
        && !env.containsKey("FOOD_REGISTRAR_CONNECT_URL")) {
      all.add("--connect-url");
      all.add(connect.url());
    }
    all.addAll(List.of(args));
    CommandLine commandLine = ConnectorRegistrar.commandLine(env);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(all.toArray(String[]::new));
  }

  @Test
  void helpShowsTheFlagsTheirDefaultsExitCodesAndVariables() {
    int exitCode = run("--help");

    assertThat(exitCode).isZero();
    assertThat(out.toString())
        .contains(
            "Usage: register-connectors",
            "--connect-url=URL",
            "--timeout=SECONDS",
            "-c, --config=KEY=VALUE",
            "--config-file=FILE",
            "Exit codes:",
            "1    registration failed",
            "FOOD_REGISTRAR_CONNECT_URL",
            "then FOOD_JDBC_URL",
            "then FOOD_DB_USER",
            "then FOOD_DB_PASSWORD")
        .doesNotContain("--set");
  }

  @Test
  void anUnknownFlagIsOneLineAndAPointerToHelp() {
    int exitCode = run("--connectors", connectorFile.toString());

    assertThat(exitCode).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString().lines().findFirst()).hasValue("Unknown option: '--connectors'");
    assertThat(err.toString()).contains("Try 'register-connectors --help' for more information.");
  }

  @Test
  void aConfigValueWithoutEqualsSignIsOneLine() {
    int exitCode = run("--config", "registrar.properties", connectorFile.toString());

    assertThat(exitCode).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString().strip())
        .isEqualTo("--config takes KEY=VALUE, got 'registrar.properties'");
    assertThat(connect.requests()).isEmpty();
  }

  @Test
  void readsItsVariablesTheConfigFileAndConfigValues() throws IOException {
    connect.on("GET " + CONFIG, new Answer(404, "{}")).on("PUT " + CONFIG, new Answer(201, "{}"));
    Path configFile =
        Files.writeString(
            directory.resolve("registrar.properties"),
            "no-wait=true\nkafka.connection.username=from-file\nkafka.topics=from-file\n");

    int exitCode =
        run(
            Map.of(
                "FOOD_REGISTRAR_CONNECT_URL", connect.url(),
                "FOOD_REGISTRAR_CONFIG_FILE", configFile.toString()),
            "-c",
            "topics=from-flag",
            connectorFile.toString());

    assertThat(exitCode).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo(String.format("s: created%n"));
    assertThat(connect.requests())
        .filteredOn(request -> request.method().equals("PUT"))
        .singleElement()
        .satisfies(
            put ->
                assertThat(put.body())
                    .isEqualTo(
                        "{\"topics\":\"from-flag\",\"connection.url\":\"jdbc:x\",\"connection.username\":\"from-file\",\"name\":\"s\"}"));
  }

  @Test
  void theSchemaGoesWhereTheSharedDatabaseVariablesSay() throws IOException {
    Path schema = Files.writeString(directory.resolve("schema.sql"), "SELECT 1");
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/food";

    int exitCode =
        run(
            Map.of("FOOD_JDBC_URL", url, "FOOD_DB_USER", "shared", "FOOD_DB_PASSWORD", "secret"),
            "--schema",
            schema.toString(),
            connectorFile.toString());

    assertThat(exitCode).isEqualTo(ConnectorRegistrar.FAILED);
    assertThat(err.toString())
        .startsWith("Couldn't apply " + schema + " to " + url + " as shared: ");
    assertThat(connect.requests()).isEmpty();
  }

  @Test
  void aBadValueNamesTheVariableItCameFrom() {
    int exitCode = run(Map.of("FOOD_REGISTRAR_TIMEOUT", "soon"), connectorFile.toString());

    assertThat(exitCode).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString().strip())
        .isEqualTo("FOOD_REGISTRAR_TIMEOUT must be a whole number, got 'soon'");
  }

  private static String status(String connector, String task) {
    return "{\"name\":\"s\",\"connector\":{\"state\":\""
        + connector
        + "\"},\"tasks\":[{\"id\":0,\"state\":\""
        + task
        + "\"}]}";
  }
}
