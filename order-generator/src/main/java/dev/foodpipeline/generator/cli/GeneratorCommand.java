package dev.foodpipeline.generator.cli;

import dev.foodpipeline.shell.Defaults;
import dev.foodpipeline.shell.ExitCodes;
import dev.foodpipeline.shell.Shell;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code order-generator}: the root command. Run {@link #newCommandLine(GeneratorEnvironment)} to
 * get a command line with the project's error handling; {@link #main} does exactly that.
 */
@Command(
    name = "order-generator",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description =
        "Writes food orders to Kafka for the food-pipeline: creates the topics, publishes the restaurant "
            + "catalogue, and produces deterministic orders (a function of seed and sequence number), a share "
            + "of them invalid on purpose, each kind with the reason the Streams app must reject it for; then "
            + "reconciles PostgreSQL with what a run must have produced.",
    subcommands = {
      TopicsCommand.class,
      RestaurantsCommand.class,
      ProduceCommand.class,
      ReconcileCommand.class,
      GenerateCommand.class,
      HelpCommand.class
    },
    footer = {
      "",
      "Examples:",
      "  order-generator produce --count 10000 --invalid-ratio 0.1 --seed 1",
      "  order-generator reconcile --count 10000 --invalid-ratio 0.1 --seed 1 --wait 120s",
      "  order-generator produce --help",
      "",
      "Every flag can also come from FOOD_GENERATOR_<FLAG> (FOOD_GENERATOR_RATE=50) or from --config-file (rate=50);",
      "flags win over the environment, the environment over the file.",
      "Exit codes: 0 ok, 1 some orders not acknowledged (produce) or a mismatch (reconcile), 2 bad usage,",
      "3 Kafka unreachable, 4 Kafka error, 5 database unreachable or failing, 70 internal error."
    })
public final class GeneratorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private final GeneratorEnvironment environment;

  public GeneratorCommand() {
    this(GeneratorEnvironment.system());
  }

  public GeneratorCommand(GeneratorEnvironment environment) {
    this.environment = environment;
  }

  /**
   * The root command with its subcommands and the project's error handling (exit codes, one-line
   * messages).
   */
  public static CommandLine newCommandLine(GeneratorEnvironment environment) {
    return Shell.commandLine(
        new GeneratorCommand(environment),
        defaults(environment.env()),
        ErrorHandler.CLASSIFIER,
        "");
  }

  /** The shell's precedence under the generator's name: FOOD_GENERATOR_<FLAG>. */
  static Defaults defaults(java.util.Map<String, String> env) {
    return new Defaults("GENERATOR", env);
  }

  public static void main(String[] args) {
    System.exit(newCommandLine(GeneratorEnvironment.system()).execute(args));
  }

  /** Without a subcommand: print the usage and fail as a usage error. */
  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .println(
            "Missing subcommand: name one of topics, restaurants, produce, reconcile, generate.");
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  GeneratorEnvironment environment() {
    return environment;
  }

  /** Builds a command's settings; a bad value becomes a usage error that names the flag. */
  static <T> T settings(CommandSpec spec, Supplier<T> settings) {
    try {
      return settings.get();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }
}
