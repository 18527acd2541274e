package dev.foodpipeline.streams;

import dev.foodpipeline.shell.Converters;
import dev.foodpipeline.shell.Defaults;
import dev.foodpipeline.shell.Shell;
import dev.foodpipeline.shell.StreamsRuntimeOptions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The settings of the app as typed options, each with its default: a flag, else {@code
 * FOOD_STREAMS_<FLAG>} (bootstrap servers also {@code FOOD_BOOTSTRAP_SERVERS}), else {@code
 * --config-file}, else the Kafka property it sets when one is passed through ({@code -c
 * num.stream.threads=4}), else the default (the shell's {@link Defaults}). {@link #settings}
 * validates them once, in {@link StreamsSettings}, naming where a bad value came from.
 */
public final class StreamsOptions {
  /** Passes a Kafka property: {@code FOOD_STREAMS_CONFIG_NUM_STANDBY_REPLICAS=1}. */
  static final String ENV_CONFIG_PREFIX = "FOOD_STREAMS_CONFIG_";

  /** The options that set a Kafka Streams property, which a passed-through value may also set. */
  static final Map<String, String> KAFKA_PROPERTIES =
      Map.of(
          "bootstrap-servers", StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
          "application-id", StreamsConfig.APPLICATION_ID_CONFIG,
          "threads", StreamsConfig.NUM_STREAM_THREADS_CONFIG,
          "state-dir", StreamsConfig.STATE_DIR_CONFIG,
          "commit-interval-ms", StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);

  /** The flags every Streams program shares, with streams-app's defaults and words. */
  @Mixin
  StreamsRuntimeOptions runtime =
      new StreamsRuntimeOptions(StreamsSettings.DEFAULT_APPLICATION_ID, 2, 7070)
          .threadsHelp("stream threads of this instance")
          .stateDirDefault("<tmp>/food-orders-streams-<instance-id>");

  @Option(
      names = "--instance-id",
      paramLabel = "ID",
      description =
          "names this instance in logs, client id, static group membership and default state dir (default <host name>-<http port>)")
  String instanceId;

  @Option(
      names = "--advertised-host",
      paramLabel = "HOST",
      description =
          "how other instances reach this one's HTTP port (application.server) (default the HTTP host, or the host name when that is 0.0.0.0)")
  String advertisedHost;

  @Option(
      names = "--static-membership",
      paramLabel = "true|false",
      arity = "1",
      defaultValue = "true",
      converter = Converters.Bool.class,
      description =
          "join the consumer group as static members, group.instance.id = instance id (default ${DEFAULT-VALUE})")
  boolean staticMembership;

  @Option(
      names = "--dedup-retention-ms",
      paramLabel = "MS",
      defaultValue = "86400000",
      converter = Converters.WholeNumber.class,
      description =
          "how long an accepted order id is remembered to reject duplicates (default ${DEFAULT-VALUE} = 24 h)")
  long dedupRetentionMs;

  @Option(
      names = "--stats-grace-ms",
      paramLabel = "MS",
      defaultValue = "30000",
      converter = Converters.WholeNumber.class,
      description =
          "how late an order may arrive and still count in its 1-minute restaurant-stats window; a window is final this long after its end (default ${DEFAULT-VALUE})")
  long statsGraceMs;

  @Option(
      names = "--rocksdb-memory-mb",
      paramLabel = "MIB",
      defaultValue = "16",
      converter = Converters.Int.class,
      description =
          "RocksDB memory of this instance, one cache shared by every store, half of it for memtables (default ${DEFAULT-VALUE})")
  int rocksDbMemoryMb;

  @Option(
      names = "--config-file",
      paramLabel = "FILE",
      description =
          "a .properties file of settings: flags without their dashes (threads=4) and Kafka Streams/client properties as kafka.<name> (kafka.num.standby.replicas=1)")
  Path configFile;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "KEY=VALUE",
      description =
          "a Kafka Streams/client property, passed through; repeatable (env FOOD_STREAMS_CONFIG_<KEY> with _ for .)")
  Map<String, String> config = new LinkedHashMap<>();

  /** The shell's precedence for streams-app, with passed-through Kafka properties last. */
  static Defaults defaults(Map<String, String> env) {
    return new Defaults("STREAMS", env) {
      @Override
      protected String fallback(CommandSpec command, String key) {
        String property = KAFKA_PROPERTIES.get(key);
        String value = property == null ? null : passthrough(command, this).get(property);
        return value == null ? null : from(key, property, value.trim());
      }
    };
  }

  /** The Kafka properties passed through: the config file's, then the environment's, then -c. */
  static Map<String, String> passthrough(CommandSpec command, Defaults defaults) {
    Map<String, String> properties = new LinkedHashMap<>(defaults.kafkaSettings(command));
    defaults
        .env()
        .forEach(
            (name, value) -> {
              if (name.startsWith(ENV_CONFIG_PREFIX)
                  && !name.equals(defaults.envName("config-file"))) {
                properties.put(
                    name.substring(ENV_CONFIG_PREFIX.length())
                        .toLowerCase(java.util.Locale.ROOT)
                        .replace('_', '.'),
                    value);
              }
            });
    Map<String, String> flags = command.findOption("--config").getValue();
    properties.putAll(flags);
    return properties;
  }

  /** Parses settings as the command line would (for in-process use: the builder, tests). */
  static StreamsSettings parse(Map<String, String> env, List<String> args) {
    StreamsOptions options = new StreamsOptions();
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
   * @throws SettingsException naming the flag, variable, file entry or property that is wrong
   */
  StreamsSettings settings(CommandLine commandLine) {
    Defaults defaults = (Defaults) commandLine.getDefaultValueProvider();
    Map<String, String> env = defaults.env();
    Map<String, String> passthrough = passthrough(commandLine.getCommandSpec(), defaults);
    KAFKA_PROPERTIES.values().forEach(passthrough::remove);
    String httpHost = runtime.httpHost();
    int httpPort = runtime.httpPort();
    boolean wildcard = StreamsSettings.WILDCARD_HOSTS.contains(httpHost);
    String host = instanceId == null || (advertisedHost == null && wildcard) ? hostName(env) : "";
    String instance =
        instanceId != null ? instanceId : httpPort == 0 ? host : host + "-" + httpPort;
    String advertised = advertisedHost != null ? advertisedHost : wildcard ? host : httpHost;
    Path state =
        runtime
            .stateDir()
            .orElse(
                Path.of(
                    System.getProperty("java.io.tmpdir"),
                    StreamsSettings.DEFAULT_APPLICATION_ID + "-" + instance));
    try {
      return new StreamsSettings(
          runtime.bootstrapServers(),
          runtime.applicationId(),
          runtime.threads(),
          state,
          instance,
          runtime.commitInterval(),
          runtime.commitAfterRecords(),
          runtime.closeTimeout(),
          httpHost,
          httpPort,
          advertised,
          staticMembership,
          Duration.ofMillis(dedupRetentionMs),
          Duration.ofMillis(statsGraceMs),
          rocksDbMemoryMb,
          passthrough);
    } catch (SettingsException e) {
      // The record names the flag; say where the value came from when it was not a flag.
      String flag = e.getMessage().split(" ", 2)[0];
      OptionSpec option = commandLine.getCommandSpec().findOption(flag);
      if (option == null || commandLine.getParseResult().hasMatchedOption(option)) {
        throw e;
      }
      throw new SettingsException(
          defaults.source(option) + e.getMessage().substring(flag.length()));
    }
  }

  /** The host name ({@code HOSTNAME}, else the local host's), for the default instance id. */
  static String hostName(Map<String, String> env) {
    String fromEnv = env.get("HOSTNAME");
    if (fromEnv != null && StreamsSettings.NAME.matcher(fromEnv).matches()) {
      return fromEnv;
    }
    try {
      String name = InetAddress.getLocalHost().getHostName();
      return StreamsSettings.NAME.matcher(name).matches() ? name : "localhost";
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  /** Flags for {@link StreamsOptions}, for in-process use (tests); {@link #build} parses them. */
  public static final class Builder {
    private final Map<String, String> flags = new LinkedHashMap<>();
    private final List<String> args = new ArrayList<>();

    Builder() {}

    /** A flag and its value, as on the command line; a flag given again replaces the value. */
    public Builder flag(String flag, Object value) {
      flags.put(flag, String.valueOf(value));
      return this;
    }

    /** A Kafka Streams or client property, passed through ({@code --config key=value}). */
    public Builder config(String key, String value) {
      args.addAll(List.of("--config", key + "=" + value));
      return this;
    }

    public Builder config(Map<String, String> values) {
      values.forEach(this::config);
      return this;
    }

    /** Resolves flags and defaults only, ignoring the environment. */
    public StreamsSettings build() {
      return build(Map.of());
    }

    /** Resolves the flags, then the environment, config file and defaults as the app does. */
    public StreamsSettings build(Map<String, String> env) {
      List<String> all = new ArrayList<>(args);
      flags.forEach((flag, value) -> all.addAll(List.of(flag, value)));
      return StreamsOptions.parse(env, all);
    }
  }
}
