package dev.foodpipeline.infra.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The no-Docker local stack, described once in {@code
 * pipeline-infra/config/local-stack.properties}: its components in start order, each with its host
 * ports, JVM flags and readiness check. {@code scripts/local-stack} reads the same file (with the
 * same rules: {@code KEY=VALUE} lines taken as they are, {@code #} comment lines); the build copies
 * it into this jar, where {@link #load()} finds it.
 *
 * <pre>{@code
 * LocalStack stack = LocalStack.load();
 * stack.component("connect").port();               // 8083
 * stack.component("streams").port(2);              // 7071
 * stack.component("connect").httpCheck().path();   // "/health"
 * }</pre>
 */
public final class LocalStack {

  /** The description's path in the repository. */
  public static final String FILE = "pipeline-infra/config/local-stack.properties";

  /** Its copy in this jar, beside this class. */
  static final String RESOURCE = "local-stack.properties";

  private static final String START_ORDER = "start-order";
  private static final Set<String> ATTRIBUTES =
      Set.of("ports", "instances", "jvm", "ready", "metrics-port", "metrics-rules", "metrics-job");
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)?");

  private final Map<String, Component> components;
  private final List<Component> startOrder;

  private LocalStack(Map<String, Component> components, List<Component> startOrder) {
    this.components = components;
    this.startOrder = startOrder;
  }

  /** The description in this jar (the build's copy of {@link #FILE}). */
  public static LocalStack load() {
    try (InputStream in = LocalStack.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE + " is not on the classpath beside " + LocalStack.class.getName());
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList(), FILE);
    } catch (IOException e) {
      throw new UncheckedIOException("Couldn't read " + RESOURCE + " from the classpath", e);
    }
  }

  /** The description in {@code file}, e.g. {@code <repository>/} {@link #FILE}. */
  public static LocalStack read(Path file) {
    try {
      return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Couldn't read the local stack's description " + file, e);
    }
  }

  /**
   * Parses the lines of a description.
   *
   * @param source where the lines come from, for the messages
   * @throws IllegalArgumentException naming the source, the line and what is wrong with it
   */
  static LocalStack parse(List<String> lines, String source) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = source + " line " + (i + 1);
      int equals = line.indexOf('=');
      if (equals < 0) {
        throw new IllegalArgumentException(where + ": expected KEY=VALUE, got '" + line + "'");
      }
      String key = line.substring(0, equals);
      String value = line.substring(equals + 1);
      if (!KEY.matcher(key).matches()) {
        throw new IllegalArgumentException(
            where + ": '" + key + "' is not a key (start-order or NAME.ATTRIBUTE, lower case)");
      }
      if (!value.equals(value.strip()) || value.isEmpty()) {
        throw new IllegalArgumentException(
            where + ": " + key + " has no value or spaces around it (a line is taken as it is)");
      }
      if (value.contains("\\") || value.contains("\t")) {
        throw new IllegalArgumentException(
            where + ": " + key + " holds a backslash or a tab; the file has no escapes");
      }
      if (!key.equals(START_ORDER) && !ATTRIBUTES.contains(attribute(key))) {
        throw new IllegalArgumentException(
            where + ": unknown attribute in " + key + "; expected one of " + ATTRIBUTES);
      }
      if (values.put(key, value) != null) {
        throw new IllegalArgumentException(where + ": " + key + " is given twice");
      }
    }
    return build(values, source);
  }

  private static LocalStack build(Map<String, String> values, String source) {
    Map<String, Component> components = new LinkedHashMap<>();
    for (String key : values.keySet()) {
      if (!key.equals(START_ORDER)) {
        String name = key.substring(0, key.indexOf('.'));
        components.computeIfAbsent(name, n -> component(n, values, source));
      }
    }
    String order = values.get(START_ORDER);
    if (order == null) {
      throw new IllegalArgumentException(source + ": no " + START_ORDER);
    }
    List<Component> startOrder = new ArrayList<>();
    for (String name : order.split(" +")) {
      Component component = components.get(name);
      if (component == null) {
        throw new IllegalArgumentException(
            source + ": " + START_ORDER + " names " + name + ", which has no settings");
      }
      if (component.readiness().isEmpty()) {
        throw new IllegalArgumentException(
            source + ": " + name + " is in " + START_ORDER + " but has no " + name + ".ready");
      }
      if (startOrder.contains(component)) {
        throw new IllegalArgumentException(
            source + ": " + START_ORDER + " names " + name + " twice");
      }
      startOrder.add(component);
    }
    return new LocalStack(components, List.copyOf(startOrder));
  }

  private static Component component(String name, Map<String, String> values, String source) {
    String prefix = name + ".";
    List<Integer> ports = new ArrayList<>();
    for (String port : words(values.get(prefix + "ports"))) {
      ports.add(number(source, prefix + "ports", port, 1, 65535));
    }
    String instances = values.get(prefix + "instances");
    int count =
        instances == null ? 1 : number(source, prefix + "instances", instances, 1, Short.MAX_VALUE);
    String ready = values.get(prefix + "ready");
    Optional<Readiness> readiness;
    try {
      readiness = Optional.ofNullable(ready).map(Readiness::parse);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + prefix + "ready: " + e.getMessage(), e);
    }
    if (readiness.filter(Readiness.HttpOk.class::isInstance).isPresent() && ports.isEmpty()) {
      throw new IllegalArgumentException(
          source + ": " + name + " has an HTTP readiness check but no " + prefix + "ports");
    }
    return new Component(
        name,
        ports,
        count,
        words(values.get(prefix + "jvm")),
        readiness,
        metrics(name, values, source));
  }

  /** NAME.metrics-port, NAME.metrics-rules (a file name) and NAME.metrics-job, all or none. */
  private static Optional<Metrics> metrics(String name, Map<String, String> values, String source) {
    String prefix = name + ".";
    String port = values.get(prefix + "metrics-port");
    String rules = values.get(prefix + "metrics-rules");
    String job = values.get(prefix + "metrics-job");
    if (port == null) {
      if (rules != null || job != null) {
        throw new IllegalArgumentException(
            source + ": " + name + " has metrics settings but no " + prefix + "metrics-port");
      }
      return Optional.empty();
    }
    if (rules == null || !rules.matches("[a-z0-9-]+\\.yml")) {
      throw new IllegalArgumentException(
          source
              + ": "
              + prefix
              + "metrics-rules must name a rules file of "
              + Metrics.RULES_FOLDER
              + " (kafka-clients.yml), got "
              + rules);
    }
    return Optional.of(
        new Metrics(
            number(source, prefix + "metrics-port", port, 1, 65535),
            rules,
            job == null ? name : job));
  }

  private static List<String> words(String value) {
    return value == null ? List.of() : List.of(value.split(" +"));
  }

  private static int number(String source, String key, String value, int min, int max) {
    try {
      int number = Integer.parseInt(value);
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // the message below says what was expected
    }
    throw new IllegalArgumentException(
        source + ": " + key + " must be a number from " + min + " to " + max + ", got " + value);
  }

  private static String attribute(String key) {
    int dot = key.indexOf('.');
    return dot < 0 ? "" : key.substring(dot + 1);
  }

  /** The components {@code up} starts, in the order it starts them. */
  public List<Component> startOrder() {
    return startOrder;
  }

  /**
   * A component by its name, e.g. {@code kafka}, {@code streams}, {@code sql}.
   *
   * @throws IllegalArgumentException naming the known components when there is none of that name
   */
  public Component component(String name) {
    Component component = components.get(name);
    if (component == null) {
      throw new IllegalArgumentException(
          "the local stack has no component " + name + "; it has " + components.keySet());
    }
    return component;
  }

  /** The components that serve Prometheus metrics, in the description's order. */
  public List<Component> withMetrics() {
    return components.values().stream().filter(c -> c.metrics().isPresent()).toList();
  }

  /**
   * Every port {@code up} binds on 127.0.0.1, in start order: each component's ports, and for one
   * with several instances the first port of each.
   */
  public List<Integer> hostPorts() {
    List<Integer> ports = new ArrayList<>();
    for (Component component : startOrder) {
      if (component.instances() > 1) {
        for (int n = 1; n <= component.instances(); n++) {
          ports.add(component.port(n));
        }
      } else {
        ports.addAll(component.ports());
      }
    }
    return List.copyOf(ports);
  }
}
