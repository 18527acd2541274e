package dev.foodpipeline.notify;

import dev.foodpipeline.notify.topology.KitchenSettings;
import dev.foodpipeline.shell.Converters;
import dev.foodpipeline.shell.Defaults;
import dev.foodpipeline.shell.Shell;
import dev.foodpipeline.shell.StreamsRuntimeOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The settings of the service as typed options, each with its default: a flag, else {@code
 * FOOD_NOTIFICATION_SERVICE_<FLAG>} (bootstrap servers also {@code FOOD_BOOTSTRAP_SERVERS}), else
 * {@code --config-file}, else the default (the shell's {@link Defaults}). {@link #settings}
 * validates them once, in {@link NotifySettings}, naming where a bad value came from.
 */
public final class NotifyOptions {
  /** The program's name in its variables: {@code FOOD_NOTIFICATION_SERVICE_*}. */
  static final String ENV_NAME = "NOTIFICATION_SERVICE";

  /** The flags every Streams program shares, with the service's defaults and words. */
  @Mixin
  StreamsRuntimeOptions runtime =
      new StreamsRuntimeOptions(
              NotifySettings.DEFAULT_APPLICATION_ID, 1, NotifySettings.DEFAULT_HTTP_PORT)
          .stateDirDefault("<tmp>/notification-service-<http port>")
          .commitIntervalHelp(
              "transaction commit interval: the longest a notification waits to be visible");

  @Option(
      names = "--kitchen-window-ms",
      paramLabel = "MS",
      defaultValue = "300000",
      converter = Converters.WholeNumber.class,
      description =
          "sliding window of event time in which a restaurant's accepted orders are counted (default ${DEFAULT-VALUE} = 5 min)")
  long kitchenWindowMs;

  @Option(
      names = "--kitchen-cooks",
      paramLabel = "N",
      defaultValue = "" + KitchenSettings.DEFAULT_COOKS,
      converter = Converters.Int.class,
      description =
          "orders a kitchen cooks in parallel: capacity = max(1, cooks × window / prepMinutes) (default ${DEFAULT-VALUE})")
  int kitchenCooks;

  @Option(
      names = "--heartbeat-ms",
      paramLabel = "MS",
      defaultValue = "15000",
      converter = Converters.WholeNumber.class,
      description =
          "a comment line on every idle event stream this often (default ${DEFAULT-VALUE})")
  long heartbeatMs;

  @Option(
      names = "--max-subscribers",
      paramLabel = "N",
      defaultValue = "200",
      converter = Converters.Int.class,
      description =
          "event streams open at once; one more is refused with 503 (default ${DEFAULT-VALUE})")
  int maxSubscribers;

  @Option(
      names = "--subscriber-queue",
      paramLabel = "N",
      defaultValue = "256",
      converter = Converters.Int.class,
      description =
          "notifications waiting for a slow client; one more closes its stream, which it resumes with Last-Event-ID (default ${DEFAULT-VALUE})")
  int subscriberQueue;

  @Option(
      names = "--config-file",
      paramLabel = "FILE",
      description =
          "a .properties file of settings: flags without their dashes (http-port=7080) and Kafka client/Streams properties as kafka.<name>")
  Path configFile;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "KEY=VALUE",
      converter = Converters.KeyValue.class,
      description = "a Kafka client/Streams property, passed through; repeatable")
  List<Map.Entry<String, String>> config = new ArrayList<>();

  static Defaults defaults(Map<String, String> env) {
    return new Defaults(ENV_NAME, env);
  }

  /** Parses settings as the command line would (for in-process use: the builder, tests). */
  static NotifySettings parse(Map<String, String> env, List<String> args) {
    NotifyOptions options = new NotifyOptions();
    CommandLine commandLine = new CommandLine(options).setDefaultValueProvider(defaults(env));
    try {
      commandLine.parseArgs(args.toArray(String[]::new));
    } catch (ParameterException e) {
      throw new SettingsException(Shell.message(e));
    }
    return options.settings(commandLine);
  }

  /**
   * The validated settings of a parsed command line.
   *
   * @throws SettingsException naming the flag, variable or file entry that is wrong
   */
  NotifySettings settings(CommandLine commandLine) {
    Defaults defaults = (Defaults) commandLine.getDefaultValueProvider();
    Path state =
        runtime
            .stateDir()
            .orElse(
                Path.of(
                    System.getProperty("java.io.tmpdir"),
                    NotifySettings.DEFAULT_APPLICATION_ID + "-" + runtime.httpPort()));
    try {
      return new NotifySettings(
          runtime.bootstrapServers(),
          runtime.applicationId(),
          runtime.threads(),
          state,
          runtime.commitInterval(),
          runtime.commitAfterRecords(),
          runtime.closeTimeout(),
          runtime.httpHost(),
          runtime.httpPort(),
          Duration.ofMillis(kitchenWindowMs),
          kitchenCooks,
          Duration.ofMillis(heartbeatMs),
          maxSubscribers,
          subscriberQueue,
          Defaults.kafkaSettingsOf(commandLine.getCommandSpec(), config));
    } catch (SettingsException e) {
      String flag = e.getMessage().split(" ", 2)[0];
      OptionSpec option = commandLine.getCommandSpec().findOption(flag);
      if (option == null || commandLine.getParseResult().hasMatchedOption(option)) {
        throw e;
      }
      throw new SettingsException(
          defaults.source(option) + e.getMessage().substring(flag.length()));
    }
  }

  /** Flags for {@link NotifyOptions}, for in-process use (tests); {@link #build} parses them. */
  public static final class Builder {
    private final Map<String, String> flags = new LinkedHashMap<>();
    private final List<String> args = new ArrayList<>();

    Builder() {}

    /** A flag and its value, as on the command line; a flag given again replaces the value. */
    public Builder flag(String flag, Object value) {
      flags.put(flag, String.valueOf(value));
      return this;
    }

    /** A Kafka property, passed through ({@code --config key=value}). */
    public Builder config(String key, String value) {
      args.addAll(List.of("--config", key + "=" + value));
      return this;
    }

    /** Resolves flags and defaults only, ignoring the environment. */
    public NotifySettings build() {
      return build(Map.of());
    }

    public NotifySettings build(Map<String, String> env) {
      List<String> all = new ArrayList<>(args);
      flags.forEach((flag, value) -> all.addAll(List.of(flag, value)));
      return NotifyOptions.parse(env, all);
    }
  }
}
