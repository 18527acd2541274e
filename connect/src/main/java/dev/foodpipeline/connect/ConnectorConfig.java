package dev.foodpipeline.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One connector as Kafka Connect's REST API takes it: {@code {"name": ..., "config": {...}}}, with
 * every config value a string.
 */
public record ConnectorConfig(String name, Map<String, String> config) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public ConnectorConfig {
    config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
  }

  /**
   * Reads a connector file; numbers and booleans become strings, anything else nested is an error.
   */
  public static ConnectorConfig read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new RegistrarException("Couldn't read connector file " + file + ": " + e);
    }
    return parse(text, file.toString());
  }

  static ConnectorConfig parse(String json, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new RegistrarException(source + " is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new RegistrarException(
          source + " must hold a JSON object with \"name\" and \"config\"");
    }
    JsonNode name = root.get("name");
    if (name == null || !name.isTextual() || name.asText().isBlank()) {
      throw new RegistrarException(source + " has no \"name\" string");
    }
    JsonNode config = root.get("config");
    if (config == null || !config.isObject()) {
      throw new RegistrarException(source + " has no \"config\" object");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = config.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!field.getValue().isValueNode() || field.getValue().isNull()) {
        throw new RegistrarException(
            source + ": config \"" + field.getKey() + "\" must be a string, number or boolean");
      }
      values.put(field.getKey(), field.getValue().asText());
    }
    return new ConnectorConfig(name.asText(), values);
  }

  /** The same connector with {@code overrides} applied over its config (new keys are added). */
  public ConnectorConfig withOverrides(Map<String, String> overrides) {
    Map<String, String> merged = new LinkedHashMap<>(config);
    merged.putAll(overrides);
    return new ConnectorConfig(name, merged);
  }

  /** The config as Connect stores it: with {@code name} inside. */
  public Map<String, String> configWithName() {
    Map<String, String> withName = new LinkedHashMap<>(config);
    withName.put("name", name);
    return withName;
  }

  /** The body of {@code PUT /connectors/{name}/config}. */
  public String configJson() {
    try {
      return JSON.writeValueAsString(configWithName());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A map of strings always serialises", e);
    }
  }
}
