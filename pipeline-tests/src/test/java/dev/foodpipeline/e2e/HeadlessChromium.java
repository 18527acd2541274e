package dev.foodpipeline.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Headless Chromium driven by chromedriver over the W3C WebDriver protocol (JSON over HTTP, with
 * the JDK's client): {@code POST /session}, {@code /url}, {@code /execute/sync}, {@code GET
 * /screenshot}. Debian's {@code chromium} and {@code chromium-driver} packages; a missing binary is
 * a failure naming the package, not a skipped test.
 */
final class HeadlessChromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Process driver;
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI base;
  private String session;

  private HeadlessChromium(Process driver, URI base) {
    this.driver = driver;
    this.base = base;
  }

  /** Starts chromedriver on a free port and opens a session of a headless Chromium. */
  static HeadlessChromium start(Path chromedriver, Path chromium) throws Exception {
    for (Path binary : List.of(chromedriver, chromium)) {
      if (!Files.isExecutable(binary)) {
        throw new IllegalStateException(
            binary
                + " is missing: install Debian's chromium and chromium-driver packages"
                + " (apt-get install chromium chromium-driver; .ci/run does)");
      }
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process process =
        new ProcessBuilder(chromedriver.toString(), "--port=" + port)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    HeadlessChromium browser =
        new HeadlessChromium(process, URI.create("http://127.0.0.1:" + port));
    try {
      browser.awaitDriver();
      Map<String, Object> options =
          Map.of(
              "binary",
              chromium.toString(),
              "args",
              List.of(
                  "--headless=new",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-dev-shm-usage",
                  "--window-size=1400,1500"));
      JsonNode created =
          browser.call(
              "POST",
              "/session",
              Map.of("capabilities", Map.of("alwaysMatch", Map.of("goog:chromeOptions", options))));
      browser.session = created.path("sessionId").asText();
      return browser;
    } catch (Exception | AssertionError e) {
      browser.close();
      throw e;
    }
  }

  private void awaitDriver() {
    await("chromedriver at " + base)
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .failFast("chromedriver exited", () -> !driver.isAlive())
        .until(() -> call("GET", "/status", null).path("ready").asBoolean());
  }

  void open(String url) throws Exception {
    call("POST", "/session/" + session + "/url", Map.of("url", url));
  }

  /** Runs {@code script} (a function body; {@code return} gives the value) in the page. */
  JsonNode script(String script) throws Exception {
    return call(
        "POST",
        "/session/" + session + "/execute/sync",
        Map.of("script", script, "args", List.of()));
  }

  /** The text of the element with this id, or null when there is none. */
  String text(String id) throws Exception {
    JsonNode value =
        script("const e = document.getElementById('" + id + "'); return e ? e.textContent : null;");
    return value.isNull() ? null : value.asText();
  }

  void screenshot(Path file) throws Exception {
    JsonNode png = call("GET", "/session/" + session + "/screenshot", null);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(png.asText()));
  }

  private JsonNode call(String method, String path, Object body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json");
    request =
        body == null
            ? request.method(method, HttpRequest.BodyPublishers.noBody())
            : request.method(
                method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode answer = JSON.readTree(response.body());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "WebDriver "
              + method
              + " "
              + path
              + " answered "
              + response.statusCode()
              + ": "
              + answer.path("value").path("message").asText(response.body()));
    }
    return answer.path("value");
  }

  @Override
  public void close() {
    if (session != null) {
      try {
        call("DELETE", "/session/" + session, null);
      } catch (Exception e) {
        System.err.println("Closing the browser session failed: " + e);
      }
    }
    driver.destroy();
    try {
      driver.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
