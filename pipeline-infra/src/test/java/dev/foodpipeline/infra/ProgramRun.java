package dev.foodpipeline.infra;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * A local-stack program run in-process on the shell, as its main would run it, with the environment
 * given.
 *
 * @param exitCode what the main would exit with
 * @param out what it printed
 * @param err its error lines
 */
record ProgramRun(int exitCode, String out, String err) {

  static ProgramRun run(Object command, Map<String, String> env, String... args) {
    return run(Commands.commandLine(command, env), args);
  }

  static ProgramRun run(CommandLine commandLine, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode =
        Commands.execute(
            commandLine,
            ShutdownSignal.manual(),
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            args);
    return new ProgramRun(exitCode, out.toString(), err.toString());
  }

  /** Parses the arguments as the main would, without running the command. */
  static <T> T parsed(T command, Map<String, String> env, String... args) {
    Commands.commandLine(command, env).parseArgs(args);
    return command;
  }
}
