package dev.foodpipeline.shell;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The one precedence of every program: a flag on the command line wins; a flag not given takes its
 * value from {@code FOOD_<PROGRAM>_<FLAG>} ({@code --invalid-ratio} of the generator is {@code
 * FOOD_GENERATOR_INVALID_RATIO}), then from the shared name of a setting the whole pipeline uses
 * ({@link #SHARED_ENV}: {@code FOOD_BOOTSTRAP_SERVERS}, ...), then from the {@code --config-file}
 * ({@link ConfigFile}), then from {@link #fallback} (a program's own extra source), then the
 * option's default. A blank variable counts as unset. picocli asks after it has read the command
 * line, so the {@code --config-file} given there is known. It remembers where each value came from
 * ({@link #source}), so an error names the variable or file the user has to fix.
 */
public class Defaults implements IDefaultValueProvider {
  public static final String CONFIG_FILE = "config-file";

  /** Settings the whole pipeline reads under one shared name (see docker-compose.yml). */
  public static final Map<String, String> SHARED_ENV =
      Map.of(
          "bootstrap-servers", "FOOD_BOOTSTRAP_SERVERS",
          "jdbc-url", "FOOD_JDBC_URL",
          "jdbc-user", "FOOD_DB_USER",
          "jdbc-password", "FOOD_DB_PASSWORD");

  private final String envPrefix;
  private final Map<String, String> env;

  private record Source(String name, String value) {}

  private final Map<String, Source> sources = new HashMap<>();

  /**
   * @param program the program's name in its variables: {@code GENERATOR} for {@code
   *     FOOD_GENERATOR_*}
   * @param env the environment (injected by tests)
   */
  public Defaults(String program, Map<String, String> env) {
    this.envPrefix = "FOOD_" + program.toUpperCase(Locale.ROOT) + "_";
    this.env = Map.copyOf(env);
  }

  public Map<String, String> env() {
    return env;
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
      return null;
    }
    String key = key(option);
    String fromEnv = fromEnvironment(key);
    if (fromEnv != null || key.equals(CONFIG_FILE)) {
      return fromEnv;
    }
    ConfigFile file = configFile(option.command());
    if (file != null && file.settings().containsKey(key)) {
      return from(key, key + " in " + file.path(), file.settings().get(key));
    }
    return fallback(option.command(), key);
  }

  /**
   * A program's own source after the config file (streams-app: a Kafka property passed through);
   * call {@link #from} to name it. None by default.
   */
  protected String fallback(CommandSpec command, String key) {
    return null;
  }

  /** Records that the value of {@code key} came from {@code source}; returns the value. */
  protected final String from(String key, String source, String value) {
    sources.put(key, new Source(source, value));
    return value;
  }

  /**
   * Where the value of an option not on the command line came from: the variable or config file
   * entry that gave it, else the flag itself.
   */
  public String source(OptionSpec option) {
    Source source = sources.get(key(option));
    return source != null ? source.name() : option.longestName();
  }

  /** As {@link #source(OptionSpec)}, when the value was this one (else the flag). */
  public String source(OptionSpec option, String value) {
    Source source = sources.get(key(option));
    return source != null && source.value().equals(value) ? source.name() : option.longestName();
  }

  /** The flag's name without dashes: {@code invalid-ratio}. */
  public static String key(OptionSpec option) {
    return option.longestName().replaceFirst("^-+", "");
  }

  /** {@code FOOD_<PROGRAM>_} + the flag in upper snake case. */
  public String envName(String key) {
    return envPrefix + key.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  private String fromEnvironment(String key) {
    String name = envName(key);
    String value = env.get(name);
    if (blank(value) && SHARED_ENV.containsKey(key)) {
      name = SHARED_ENV.get(key);
      value = env.get(name);
    }
    if (blank(value)) {
      return null;
    }
    return from(key, name, value);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /**
   * The config file of the command being parsed: its --config-file, else the environment's; null
   * when none.
   *
   * @throws ParameterException when it cannot be read or names an unknown setting
   */
  public ConfigFile configFile(CommandSpec command) {
    Path path = configFilePath(command);
    if (path == null) {
      return null;
    }
    try {
      return ConfigFile.load(path, knownSettings(command.root()));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command.commandLine(), e.getMessage(), e);
    }
  }

  /** The Kafka client settings ({@code kafka.*}) of the command's config file; empty without. */
  public Map<String, String> kafkaSettings(CommandSpec command) {
    ConfigFile file = configFile(command);
    return file == null ? Map.of() : file.kafka();
  }

  /**
   * The Kafka settings a command passes through, in the one order: {@code kafka.*} of its config
   * file (when its default-value provider is a {@code Defaults}), then each list of {@code
   * KEY=VALUE} ({@code -c}, and a hidden alias given first), a later one replacing an earlier one.
   */
  @SafeVarargs
  public static Map<String, String> kafkaSettingsOf(
      CommandSpec command, List<Map.Entry<String, String>>... keyValueLists) {
    Map<String, String> settings = new LinkedHashMap<>();
    if (command.commandLine().getDefaultValueProvider() instanceof Defaults defaults) {
      settings.putAll(defaults.kafkaSettings(command));
    }
    settings.putAll(Converters.KeyValue.toMap(keyValueLists));
    return settings;
  }

  private Path configFilePath(CommandSpec command) {
    OptionSpec option = command.findOption("--" + CONFIG_FILE);
    Object value = option == null ? null : option.getValue();
    if (value == null) {
      String fromEnv = fromEnvironment(CONFIG_FILE);
      return fromEnv == null ? null : Path.of(fromEnv);
    }
    return value instanceof Path path ? path : Path.of(value.toString());
  }

  /** Every flag name (without dashes) of the command and its subcommands. */
  public static Set<String> knownSettings(CommandSpec root) {
    Set<String> names = new TreeSet<>();
    collect(root, names);
    return names;
  }

  private static void collect(CommandSpec command, Set<String> names) {
    for (OptionSpec option : command.options()) {
      if (!option.usageHelp() && !option.versionHelp()) {
        names.add(key(option));
      }
    }
    for (CommandLine sub : command.subcommands().values()) {
      collect(sub.getCommandSpec(), names);
    }
  }
}
