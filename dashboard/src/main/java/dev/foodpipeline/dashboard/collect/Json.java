package dev.foodpipeline.dashboard.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** GET a JSON document over HTTP with a deadline; a non-2xx answer is an error naming the URL. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static JsonNode get(HttpClient http, URI url, Duration timeout)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      String body = response.body();
      throw new IOException(
          "GET "
              + url
              + " answered "
              + response.statusCode()
              + (body.isBlank() ? "" : ": " + body.lines().findFirst().orElse("")));
    }
    return MAPPER.readTree(response.body());
  }

  static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
