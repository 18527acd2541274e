package dev.foodpipeline.shell;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A program with a few options, for the shell's tests. */
@Command(name = "test-program", mixinStandardHelpOptions = true)
class TestProgram implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--bootstrap-servers", defaultValue = "127.0.0.1:9092")
  String bootstrapServers;

  @Option(names = "--rate", defaultValue = "10")
  int rate;

  @Option(names = "--count", defaultValue = "5", converter = WholeNumber.class)
  long count;

  @Option(names = "--config-file")
  Path configFile;

  RuntimeException failure;

  @Override
  public Integer call() {
    if (failure != null) {
      throw failure;
    }
    spec.commandLine().getOut().println("rate " + rate);
    return ExitCodes.OK;
  }

  static final class WholeNumber implements picocli.CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        return Long.parseLong(value.trim());
      } catch (NumberFormatException e) {
        throw new InvalidValueException("must be a whole number, got '" + value + "'");
      }
    }
  }
}
