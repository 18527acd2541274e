package dev.foodpipeline.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-compose.yml as compose reads it: anchors and merge keys resolved, variables at their
 * defaults.
 */
final class Compose {
  static final String FILE = "docker-compose.yml";

  private static final Pattern VARIABLE_WITH_DEFAULT =
      Pattern.compile("\\$\\{[A-Z0-9_]+:-([^}]*)}");
  private static final Pattern MEMORY =
      Pattern.compile("(\\d+)([kmg]?)b?", Pattern.CASE_INSENSITIVE);

  private final Map<String, Object> file;

  private Compose(Map<String, Object> file) {
    this.file = file;
  }

  static Compose load() {
    return new Compose(Repo.yaml(FILE));
  }

  /**
   * {@link #FILE} with {@code override} over it, as {@code docker compose -f docker-compose.yml -f
   * OVERRIDE} merges them: maps (a service, its environment, depends_on) key by key, anything else
   * replaced.
   */
  static Compose load(String override) {
    return new Compose(merge(Repo.yaml(FILE), Repo.yaml(override)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
    Map<String, Object> merged = new LinkedHashMap<>(base);
    over.forEach(
        (key, value) -> {
          Object under = merged.get(key);
          if (under instanceof Map && value instanceof Map) {
            merged.put(key, merge((Map<String, Object>) under, (Map<String, Object>) value));
          } else {
            merged.put(key, value);
          }
        });
    return merged;
  }

  @SuppressWarnings("unchecked")
  Map<String, Map<String, Object>> services() {
    return (Map<String, Map<String, Object>>) file.get("services");
  }

  Map<String, Object> service(String name) {
    Map<String, Object> service = services().get(name);
    if (service == null) {
      throw new AssertionError(FILE + " has no service " + name);
    }
    return service;
  }

  /** Services that run by default: no profile, scale not 0. */
  List<String> defaultServices() {
    List<String> names = new ArrayList<>();
    services()
        .forEach(
            (name, service) -> {
              boolean profiled = service.containsKey("profiles");
              boolean scaledToZero = Integer.valueOf(0).equals(service.get("scale"));
              if (!profiled && !scaledToZero) {
                names.add(name);
              }
            });
    return names;
  }

  /** The service's environment (map or list form) with ${VAR:-default} at its default. */
  @SuppressWarnings("unchecked")
  Map<String, String> environment(String name) {
    Object environment = service(name).get("environment");
    Map<String, String> values = new LinkedHashMap<>();
    if (environment instanceof Map) {
      ((Map<String, Object>) environment)
          .forEach((key, value) -> values.put(key, resolve(String.valueOf(value))));
    } else if (environment instanceof List) {
      for (Object entry : (List<Object>) environment) {
        String text = String.valueOf(entry);
        int equals = text.indexOf('=');
        values.put(text.substring(0, equals), resolve(text.substring(equals + 1)));
      }
    }
    return values;
  }

  /**
   * Published ports as "hostPort:containerPort" with variables at their defaults and no host IP.
   */
  @SuppressWarnings("unchecked")
  List<String> ports(String name) {
    List<String> ports = new ArrayList<>();
    Object declared = service(name).get("ports");
    if (declared == null) {
      return ports;
    }
    for (Object port : (List<Object>) declared) {
      String[] parts = resolve(String.valueOf(port)).split(":");
      // [ip:]host:container, where host may be empty (a free port)
      String container = parts[parts.length - 1];
      String host = parts.length >= 2 ? parts[parts.length - 2] : "";
      ports.add(host + ":" + container);
    }
    return ports;
  }

  /** mem_limit in MiB. */
  long memLimitMiB(String name) {
    Object limit = service(name).get("mem_limit");
    if (limit == null) {
      throw new AssertionError("service " + name + " has no mem_limit");
    }
    Matcher matcher = MEMORY.matcher(String.valueOf(limit).trim());
    if (!matcher.matches()) {
      throw new AssertionError("service " + name + ": mem_limit " + limit + " is not a size");
    }
    long value = Long.parseLong(matcher.group(1));
    switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
      case "g":
        return value * 1024;
      case "m":
        return value;
      case "k":
        return value / 1024;
      default:
        return value / (1024 * 1024);
    }
  }

  static String resolve(String value) {
    return VARIABLE_WITH_DEFAULT
        .matcher(value)
        .replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
  }
}
