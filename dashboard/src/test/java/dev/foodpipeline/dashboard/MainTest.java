package dev.foodpipeline.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> env, String... args) {
    CommandLine commandLine = Main.commandLine(new Main(), env);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void helpListsTheFlagsTheirVariablesAndTheExitCodes() {
    assertThat(run(Map.of(), "--help")).isZero();
    assertThat(out.toString())
        .contains(
            "--http-port",
            "--bootstrap-servers",
            "--streams-urls",
            "--connect-url",
            "--jdbc-url",
            "--interval-ms",
            "--metrics-port",
            "FOOD_DASHBOARD_HTTP_PORT",
            "then FOOD_BOOTSTRAP_SERVERS",
            "then FOOD_JDBC_URL",
            "2    bad flag or setting");
  }

  @Test
  void aBadSettingIsOneLineAndExitCode2() {
    assertThat(run(Map.of(), "--jdbc-url", "jdbc:mysql://db/food")).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo(
            "dashboard: --jdbc-url must start with jdbc:postgresql:, got jdbc:mysql://db/food");
  }

  @Test
  void aVariableIsReadAndItsBadValueNamed() {
    assertThat(run(Map.of("FOOD_DASHBOARD_CONNECT_URL", "ftp://x"), "--http-port", "0"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--connect-url must be an http:// URL with a host");
  }

  @Test
  void aTakenPortIsExitCode2NamingTheFlag() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      assertThat(
              run(
                  Map.of(),
                  "--http-port",
                  Integer.toString(taken.getLocalPort()),
                  "--bootstrap-servers",
                  "127.0.0.1:1"))
          .isEqualTo(2);
    }
    assertThat(err.toString()).contains("--http-port", "cannot be bound");
  }

  @Test
  void settingsAreValidated() {
    List<URI> streams = List.of(URI.create("http://127.0.0.1:7070"));
    URI connect = URI.create("http://127.0.0.1:8083");
    Duration second = Duration.ofSeconds(1);
    String jdbc = "jdbc:postgresql://127.0.0.1/food";
    assertThatThrownBy(
            () ->
                new DashboardSettings("h", 70000, "b:1", streams, connect, jdbc, "u", "p", second))
        .hasMessage("--http-port must be 0 to 65535, got 70000");
    assertThatThrownBy(
            () -> new DashboardSettings("h", 0, " ", streams, connect, jdbc, "u", "p", second))
        .hasMessage("--bootstrap-servers must not be empty");
    assertThatThrownBy(
            () -> new DashboardSettings("h", 0, "b:1", List.of(), connect, jdbc, "u", "p", second))
        .hasMessage("--streams-urls must name at least one URL");
    assertThatThrownBy(
            () ->
                new DashboardSettings(
                    "h", 0, "b:1", streams, connect, jdbc, "u", "p", Duration.ofMillis(10)))
        .hasMessage("--interval-ms must be >= 100, got 10");
    assertThatThrownBy(() -> DashboardSettings.urls("--streams-urls", "http://a:1, ::bad"))
        .hasMessage("--streams-urls is not a URL: ::bad");
    assertThat(DashboardSettings.urls("--streams-urls", "http://a:1/, http://b:2"))
        .containsExactly(URI.create("http://a:1"), URI.create("http://b:2"));
    assertThat(new DashboardSettings("h", 0, "b:1", streams, connect, jdbc, "u", "secret", second))
        .hasToString(
            "DashboardSettings[http=h:0, kafka=b:1, streams=[http://127.0.0.1:7070],"
                + " connect=http://127.0.0.1:8083, jdbc=jdbc:postgresql://127.0.0.1/food as u,"
                + " interval=1000 ms]");
  }
}
