package dev.foodpipeline.generator.cli;

import java.nio.file.Path;
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
 * Where a flag that is not on the command line takes its value from, in this order: the environment
 * variable {@code FOOD_GENERATOR_<FLAG>} ({@code --invalid-ratio} is {@code
 * FOOD_GENERATOR_INVALID_RATIO}; a few settings shared with the rest of the pipeline also read
 * their shared name, such as {@code FOOD_BOOTSTRAP_SERVERS}), then the {@code --config-file}, then
 * the flag's own default. picocli asks after it has read the command line, so the {@code
 * --config-file} given there is known.
 */
final class ConfigDefaults implements IDefaultValueProvider {
  static final String ENV_PREFIX = "FOOD_GENERATOR_";
  static final String CONFIG_FILE = "config-file";

  /** Settings the rest of the pipeline reads under a shared name (see docker-compose.yml). */
  static final Map<String, String> SHARED_ENV =
      Map.of(
          "bootstrap-servers", "FOOD_BOOTSTRAP_SERVERS",
          "jdbc-url", "FOOD_JDBC_URL",
          "jdbc-user", "FOOD_DB_USER",
          "jdbc-password", "FOOD_DB_PASSWORD");

  private final Map<String, String> env;

  ConfigDefaults(Map<String, String> env) {
    this.env = Map.copyOf(env);
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
    return file == null ? null : file.settings().get(key);
  }

  /** The flag's name without dashes: {@code invalid-ratio}. */
  static String key(OptionSpec option) {
    return option.longestName().replaceFirst("^-+", "");
  }

  static String envName(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  String fromEnvironment(String key) {
    String value = env.get(envName(key));
    if (value == null && SHARED_ENV.containsKey(key)) {
      value = env.get(SHARED_ENV.get(key));
    }
    return value;
  }

  /**
   * The config file of the command being parsed: its --config-file, else the environment's; null
   * when none.
   */
  ConfigFile configFile(CommandSpec command) {
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

  Path configFilePath(CommandSpec command) {
    OptionSpec option = command.findOption("--" + CONFIG_FILE);
    Object value = option == null ? null : option.getValue();
    if (value == null) {
      String fromEnv = fromEnvironment(CONFIG_FILE);
      return fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv);
    }
    return (Path) value;
  }

  /** Every flag name (without dashes) of the command and its subcommands. */
  static Set<String> knownSettings(CommandSpec root) {
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
