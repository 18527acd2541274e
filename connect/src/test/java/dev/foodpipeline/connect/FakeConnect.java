package dev.foodpipeline.connect;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for Kafka Connect's REST API in unit tests: answers are queued per "METHOD /path" (the
 * last one repeats), requests are recorded.
 */
final class FakeConnect implements AutoCloseable {

  record Answer(int status, String body) {}

  record Request(String method, String path, String body) {}

  private final HttpServer server;
  private final Map<String, Deque<Answer>> answers = new HashMap<>();
  private final List<Request> requests = new ArrayList<>();

  FakeConnect() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body;
          try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
          Answer answer;
          synchronized (this) {
            requests.add(
                new Request(
                    exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), body));
            Deque<Answer> queue = answers.get(key);
            answer =
                queue == null
                    ? new Answer(404, "{\"error_code\":404,\"message\":\"no route " + key + "\"}")
                    : queue.size() > 1 ? queue.poll() : queue.peek();
          }
          byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  /** Queues answers for {@code "GET /connectors/x/status"} and the like. */
  synchronized FakeConnect on(String methodAndPath, Answer... queued) {
    answers.computeIfAbsent(methodAndPath, key -> new ArrayDeque<>()).addAll(List.of(queued));
    return this;
  }

  /** A connector whose status is RUNNING with one RUNNING task. */
  FakeConnect running(String connector) {
    return on(
        "GET /connectors/" + connector + "/status",
        new Answer(
            200,
            "{\"name\":\""
                + connector
                + "\",\"connector\":{\"state\":\"RUNNING\",\"worker_id\":\"w\"},"
                + "\"tasks\":[{\"id\":0,\"state\":\"RUNNING\",\"worker_id\":\"w\"}],\"type\":\"sink\"}"));
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  synchronized long count(String method) {
    return requests.stream().filter(request -> request.method().equals(method)).count();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
