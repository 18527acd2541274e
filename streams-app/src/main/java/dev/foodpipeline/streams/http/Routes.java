package dev.foodpipeline.streams.http;

import java.util.Map;

/** What the server answers to a request: a function from method, path and query to a response. */
@FunctionalInterface
interface Routes {
  Response handle(String method, String path, Map<String, String> query);
}
