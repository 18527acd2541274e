package dev.foodpipeline.shell;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.ListResourceBundle;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The flags every Kafka Streams program of the pipeline runs with, as a picocli mixin that yields
 * plain values (no Kafka here): {@code --bootstrap-servers}, {@code --application-id}, {@code
 * --threads}, {@code --state-dir}, {@code --commit-interval-ms}, {@code --commit-after-records},
 * {@code --close-timeout-ms}, {@code --http-host}, {@code --http-port}. A program declares only
 * what is its own: its defaults (the constructor) and the words of its help that differ ({@link
 * #threadsHelp}, {@link #stateDirDefault}, {@link #commitIntervalHelp}); it validates the values in
 * its settings record, which names the flag, and turns them into Kafka Streams properties. Their
 * variables follow the shell's rule: {@code FOOD_STREAMS_THREADS}, {@code
 * FOOD_NOTIFICATION_SERVICE_THREADS}, ….
 *
 * <p>Create it before the program's {@code CommandLine} (a field initializer), since picocli takes
 * the program's defaults from the fields' initial values when it builds the model.
 */
public final class StreamsRuntimeOptions {
  /**
   * The default of {@code --commit-interval-ms}: the longest a record waits for its transaction to
   * commit when few flow; {@link #COMMIT_AFTER_RECORDS} makes it sooner when many do.
   */
  public static final String COMMIT_INTERVAL_MS = "500";

  /**
   * The default of {@code --commit-after-records}: a stream thread that has read this many records
   * asks for a commit (at most every 100 ms), so at 300 records a second a thread commits about
   * every 100 ms, at 30 a second every 500 ms, at the interval (streams-shell's {@code
   * CommitPacer}).
   */
  public static final String COMMIT_AFTER_RECORDS = "30";

  /** The default of {@code --close-timeout-ms}: below Docker's 10 s between SIGTERM and SIGKILL. */
  public static final String CLOSE_TIMEOUT_MS = "8000";

  private static final String THREADS_HELP = "streams-runtime.threads";
  private static final String STATE_DIR_DEFAULT = "streams-runtime.state-dir";
  private static final String COMMIT_INTERVAL_HELP = "streams-runtime.commit-interval";

  private final Map<String, String> help = new LinkedHashMap<>();

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT[,...]",
      defaultValue = "127.0.0.1:9092",
      description = "Kafka (default ${DEFAULT-VALUE})")
  String bootstrapServers;

  @Option(
      names = "--application-id",
      paramLabel = "ID",
      description = "Streams application id = consumer group (default ${DEFAULT-VALUE})")
  String applicationId;

  @Option(
      names = "--threads",
      paramLabel = "N",
      converter = Converters.Int.class,
      description = "${bundle:" + THREADS_HELP + ":-stream threads} (default ${DEFAULT-VALUE})")
  int threads;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description = "state directory (default ${bundle:" + STATE_DIR_DEFAULT + ":-<tmp>})")
  Path stateDir;

  @Option(
      names = "--commit-interval-ms",
      paramLabel = "MS",
      defaultValue = COMMIT_INTERVAL_MS,
      converter = Converters.WholeNumber.class,
      description =
          "${bundle:"
              + COMMIT_INTERVAL_HELP
              + ":-transaction commit interval} (default ${DEFAULT-VALUE})")
  long commitIntervalMs;

  @Option(
      names = "--commit-after-records",
      paramLabel = "N",
      defaultValue = COMMIT_AFTER_RECORDS,
      converter = Converters.Int.class,
      description =
          "commit sooner than the interval once a stream thread has read N records, at most every"
              + " 100 ms; 0 = only at the interval (default ${DEFAULT-VALUE})")
  int commitAfterRecords;

  @Option(
      names = "--close-timeout-ms",
      paramLabel = "MS",
      defaultValue = CLOSE_TIMEOUT_MS,
      converter = Converters.WholeNumber.class,
      description = "how long a shutdown may take (default ${DEFAULT-VALUE})")
  long closeTimeoutMs;

  @Option(
      names = "--http-host",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description =
          "address of the HTTP endpoints; 0.0.0.0 for every address (default ${DEFAULT-VALUE})")
  String httpHost;

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      converter = Converters.Int.class,
      description = "port of the HTTP endpoints; 0 = any free port (default ${DEFAULT-VALUE})")
  int httpPort;

  /**
   * @param applicationId the default of {@code --application-id} (the consumer group)
   * @param threads the default of {@code --threads}
   * @param httpPort the default of {@code --http-port}
   */
  public StreamsRuntimeOptions(String applicationId, int threads, int httpPort) {
    this.applicationId = applicationId;
    this.threads = threads;
    this.httpPort = httpPort;
  }

  /** The help of {@code --threads} before its default; "stream threads" unless given. */
  public StreamsRuntimeOptions threadsHelp(String text) {
    help.put(THREADS_HELP, text);
    return this;
  }

  /** What {@code --state-dir} defaults to, in words, for its help: {@code <tmp>/my-app-<id>}. */
  public StreamsRuntimeOptions stateDirDefault(String text) {
    help.put(STATE_DIR_DEFAULT, text);
    return this;
  }

  /** The help of {@code --commit-interval-ms} before its default. */
  public StreamsRuntimeOptions commitIntervalHelp(String text) {
    help.put(COMMIT_INTERVAL_HELP, text);
    return this;
  }

  /** picocli calls this with the command it is mixed into: the program's words for the help. */
  @Spec(Spec.Target.MIXEE)
  void mixedInto(CommandSpec command) {
    Object[][] contents =
        help.entrySet().stream()
            .map(entry -> new Object[] {entry.getKey(), entry.getValue()})
            .toArray(Object[][]::new);
    command.resourceBundle(
        new ListResourceBundle() {
          @Override
          protected Object[][] getContents() {
            return contents;
          }
        });
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public String applicationId() {
    return applicationId;
  }

  public int threads() {
    return threads;
  }

  /** The {@code --state-dir} given; empty for the program's own default. */
  public Optional<Path> stateDir() {
    return Optional.ofNullable(stateDir);
  }

  public Duration commitInterval() {
    return Duration.ofMillis(commitIntervalMs);
  }

  public int commitAfterRecords() {
    return commitAfterRecords;
  }

  public Duration closeTimeout() {
    return Duration.ofMillis(closeTimeoutMs);
  }

  public String httpHost() {
    return httpHost;
  }

  public int httpPort() {
    return httpPort;
  }
}
