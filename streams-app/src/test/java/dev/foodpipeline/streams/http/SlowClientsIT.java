package dev.foodpipeline.streams.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.foodpipeline.shell.http.ServerLimits;
import dev.foodpipeline.streams.StreamsSettings;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server against clients on raw sockets that start a request and never finish it, or
 * connect and send nothing, and against more requests than its work pool holds. An integration test
 * (failsafe, its own JVM) because the JDK server's time limits are fixed per JVM by the first
 * server created, which here is always {@link HttpApi}'s.
 */
class SlowClientsIT {
  private static final Logger log = LoggerFactory.getLogger(SlowClientsIT.class);

  /** More than the connection threads of the old server (4), fewer than today's (16). */
  private static final int DRIBBLERS = 12;

  private static final int HOLDERS = 50;

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger entered = new AtomicInteger();
  private final List<SlowClient> slowClients = new ArrayList<>();
  private HttpApi api;

  @AfterEach
  void stop() {
    release.countDown();
    slowClients.forEach(SlowClient::close);
    if (api != null) {
      api.close();
    }
  }

  /** /health and /ready answer at once; /slow waits until the test releases it. */
  private HttpApi start(int workThreads, int workQueue) {
    Routes routes =
        (method, path, query) -> {
          if (path.equals("/slow")) {
            entered.incrementAndGet();
            try {
              release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return Response.ok(Map.of("path", path));
        };
    api =
        HttpApi.start(
            StreamsSettings.builder()
                .flag("--instance-id", "slow")
                .flag("--http-port", 0)
                .build(Map.of()),
            bound -> routes,
            workThreads,
            workQueue);
    return api;
  }

  @Test
  void healthAndReadyAnswerPromptlyWhileSlowClientsDribbleTheirHeadersAndOthersHoldSockets()
      throws Exception {
    start(HttpApi.WORK_THREADS, HttpApi.WORK_QUEUE);
    assertThat(get("/health", Duration.ofSeconds(5)).statusCode()).as("warm-up").isEqualTo(200);
    for (int i = 0; i < DRIBBLERS; i++) {
      slowClients.add(SlowClient.dribbling(api.port(), 200));
    }
    for (int i = 0; i < HOLDERS; i++) {
      slowClients.add(SlowClient.holding(api.port()));
    }

    long slowestMs = 0;
    for (int i = 0; i < 20; i++) {
      for (String probe : List.of("/health", "/ready")) {
        long started = System.nanoTime();
        HttpResponse<String> response = get(probe, Duration.ofSeconds(5));
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        slowestMs = Math.max(slowestMs, tookMs);
        assertThat(response.statusCode()).as(probe).isEqualTo(200);
      }
    }
    log.info(
        "40 probes with {} dribbling and {} silent clients: slowest {} ms",
        DRIBBLERS,
        HOLDERS,
        slowestMs);
    assertThat(slowestMs).as("slowest probe, ms").isLessThan(1_000);
  }

  @Test
  void aClientThatNeverFinishesItsHeadersIsCutOffAtTheRequestTimeLimit() throws Exception {
    start(HttpApi.WORK_THREADS, HttpApi.WORK_QUEUE);
    long limitMs = TimeUnit.SECONDS.toMillis(ServerLimits.MAX_REQUEST_SECONDS);
    try (SlowClient dribbler = SlowClient.dribbling(api.port(), 200)) {
      long started = System.nanoTime();
      byte[] answer = readOrFail(dribbler, (int) limitMs + 3_000);
      long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      log.info("a dribbling client was cut off after {} ms (limit {} ms)", tookMs, limitMs);
      assertThat(answer).isEmpty();
      assertThat(tookMs).isBetween(limitMs - 1_000, limitMs + 3_000);
    }
  }

  @Test
  void aFullWorkPoolAnswers503AtOnceInsteadOfQueueingWhileProbesStillAnswer() throws Exception {
    int threads = 2;
    int queue = 2;
    start(threads, queue);
    int requests = 10;
    List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      pending.add(
          client.sendAsync(
              request("/slow", Duration.ofSeconds(60)), HttpResponse.BodyHandlers.ofString()));
    }

    int refused = requests - threads - queue;
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> pending.stream().filter(CompletableFuture::isDone).count() == refused);
    assertThat(entered.get()).isEqualTo(threads);
    List<HttpResponse<String>> early =
        pending.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join).toList();
    assertThat(early)
        .allSatisfy(
            response -> {
              assertThat(response.statusCode()).isEqualTo(503);
              assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
              assertThat(response.body()).contains("too many requests in progress");
            });
    assertThat(get("/health", Duration.ofSeconds(2)).statusCode()).isEqualTo(200);

    release.countDown();
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    assertThat(pending.stream().map(CompletableFuture::join).map(HttpResponse::statusCode))
        .filteredOn(status -> status == 200)
        .hasSize(threads + queue);
    assertThat(get("/slow", Duration.ofSeconds(5)).statusCode())
        .as("the pool takes work again once it has room")
        .isEqualTo(200);
  }

  private static byte[] readOrFail(SlowClient client, int timeoutMs) throws Exception {
    try {
      return client.readUntilClosed(timeoutMs);
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the server kept the connection open for " + timeoutMs + " ms", e);
    }
  }

  private HttpResponse<String> get(String path, Duration timeout) throws Exception {
    return client.send(request(path, timeout), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(String path, Duration timeout) {
    return HttpRequest.newBuilder(URI.create(api.url() + path)).timeout(timeout).build();
  }
}
