package dev.foodpipeline.shell;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line of a program's {@code main}: its {@link Defaults}, and the one place where
 * errors become an exit code and a line on the command's error writer. A parse error (an unknown
 * flag, a bad value) is {@link ExitCodes#USAGE} with one line and a hint to use --help; a bad value
 * that came from a variable or the config file is one line naming it; an error of the run is what
 * the program's {@link ErrorClassifier} makes of it. Stack traces go to the debug log only.
 */
public final class Shell implements IParameterExceptionHandler, IExecutionExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(Shell.class);

  private final ErrorClassifier classifier;
  private final String prefix;

  private Shell(ErrorClassifier classifier, String prefix) {
    this.classifier = classifier;
    this.prefix = prefix;
  }

  /**
   * The program's command line: {@code command} with the defaults and error handling of the shell.
   *
   * @param prefix put before every error line ({@code "streams-app: "}), or empty
   */
  public static CommandLine commandLine(
      Object command, Defaults defaults, ErrorClassifier classifier, String prefix) {
    Shell shell = new Shell(classifier, prefix);
    return new CommandLine(command)
        .setDefaultValueProvider(defaults)
        .setParameterExceptionHandler(shell)
        .setExecutionExceptionHandler(shell);
  }

  /**
   * The {@code main} of a program that runs until it is stopped: executes {@code commandLine} with
   * {@code args}; on SIGTERM or Ctrl-C the JVM's shutdown hook calls {@code requestStop} and waits
   * for the run to finish closing, at most {@code closeTimeout} (asked then, so a program may set
   * it from its settings) and 2 s more. Returns the exit code for {@code System.exit}.
   */
  public static int runUntilStopped(
      CommandLine commandLine,
      String[] args,
      Runnable requestStop,
      Supplier<Duration> closeTimeout) {
    return new StopOnShutdown(
            commandLine.getCommandSpec().qualifiedName(), requestStop, closeTimeout)
        .execute(commandLine, args);
  }

  /**
   * Adds to the usage help a list of every option's environment variable (and shared name), so
   * {@code --help} shows where each setting can come from (hidden options, old names kept as
   * aliases, are left out).
   */
  public static CommandLine withEnvironmentHelp(CommandLine commandLine, Defaults defaults) {
    UsageMessageSpec usage = commandLine.getCommandSpec().usageMessage();
    List<String> footer = new ArrayList<>(List.of(usage.footer()));
    footer.add("Environment (a flag wins over its variable, a variable over --config-file):");
    for (OptionSpec option : commandLine.getCommandSpec().options()) {
      if (option.usageHelp() || option.versionHelp() || option.isMultiValue() || option.hidden()) {
        continue;
      }
      String key = Defaults.key(option);
      footer.add(
          String.format(Locale.ROOT, "  %-22s %s", option.longestName(), defaults.envName(key)));
      if (Defaults.SHARED_ENV.containsKey(key)) {
        footer.add(String.format(Locale.ROOT, "  %-22s then %s", "", Defaults.SHARED_ENV.get(key)));
      }
    }
    usage.footer(footer.toArray(String[]::new));
    return commandLine;
  }

  /**
   * The one line of a parse error: a bad value named by where it came from ({@code
   * FOOD_STREAMS_THREADS must be >= 1, got 0}), else picocli's message.
   */
  public static String message(ParameterException ex) {
    if (ex.getCause() instanceof InvalidValueException invalid
        && ex.getArgSpec() instanceof OptionSpec option) {
      String source =
          ex.getCommandLine().getDefaultValueProvider() instanceof Defaults defaults
              ? defaults.source(option, ex.getValue())
              : option.longestName();
      return source + " " + Errors.oneLine(invalid.getMessage());
    }
    return Errors.oneLine(ex.getMessage());
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine command = ex.getCommandLine();
    PrintWriter err = command.getErr();
    err.println(prefix + message(ex));
    if (!(ex.getCause() instanceof InvalidValueException)) {
      UnmatchedArgumentException.printSuggestions(ex, err);
      err.println(
          "Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
    }
    err.flush();
    return ExitCodes.USAGE;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
    Failure failure = classifier.classify(ex);
    log.debug("{} failed", command.getCommandSpec().qualifiedName(), ex);
    command.getErr().println(prefix + failure.message());
    command.getErr().flush();
    return failure.exitCode();
  }
}
