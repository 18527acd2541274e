package dev.foodpipeline.generator.cli;

import dev.foodpipeline.generator.producer.InvalidSettingException;
import dev.foodpipeline.generator.producer.KafkaSetupException;
import dev.foodpipeline.generator.producer.KafkaUnreachableException;
import dev.foodpipeline.generator.reconcile.DatabaseException;
import dev.foodpipeline.model.topics.TopicCreator.TopicSetupException;
import java.io.PrintWriter;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place where errors become an exit code and a one-line message on the command's error
 * writer: bad flags (with a hint to use --help), an unreachable cluster, Kafka refusing something,
 * and bugs. Stack traces go to the debug log only.
 */
final class ErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ErrorHandler.class);

  /** What an error becomes. */
  record Failure(int exitCode, String message) {}

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine command = ex.getCommandLine();
    PrintWriter err = command.getErr();
    err.println(oneLine(ex.getMessage()));
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.println(
        "Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCodes.USAGE;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
    Failure failure = classify(ex);
    log.debug("{} failed", command.getCommandSpec().qualifiedName(), ex);
    command.getErr().println(failure.message());
    command.getErr().flush();
    return failure.exitCode();
  }

  static Failure classify(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof KafkaUnreachableException) {
        return new Failure(ExitCodes.KAFKA_UNREACHABLE, oneLine(cause.getMessage()));
      }
      if (cause instanceof DatabaseException) {
        return new Failure(ExitCodes.DATABASE_ERROR, oneLine(cause.getMessage()));
      }
      if (cause instanceof InvalidSettingException) {
        return new Failure(ExitCodes.USAGE, oneLine(cause.getMessage()));
      }
      if (cause instanceof ConfigException) {
        return new Failure(
            ExitCodes.USAGE, "Invalid Kafka client setting: " + oneLine(cause.getMessage()));
      }
      if (cause instanceof TopicSetupException) {
        boolean timedOut =
            hasCause(cause, java.util.concurrent.TimeoutException.class, TimeoutException.class);
        return new Failure(
            timedOut ? ExitCodes.KAFKA_UNREACHABLE : ExitCodes.KAFKA_ERROR,
            oneLine(cause.getMessage()));
      }
      if (cause instanceof KafkaSetupException) {
        return new Failure(ExitCodes.KAFKA_ERROR, oneLine(cause.getMessage()));
      }
      if (cause instanceof TimeoutException) {
        return new Failure(
            ExitCodes.KAFKA_UNREACHABLE,
            "Kafka did not answer in time: " + oneLine(cause.getMessage()));
      }
    }
    // No cause more telling than a general Kafka error: report the deepest one, which says most.
    Throwable kafkaError = null;
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof KafkaException) {
        kafkaError = cause;
      }
    }
    if (kafkaError != null) {
      return new Failure(ExitCodes.KAFKA_ERROR, "Kafka error: " + oneLine(kafkaError.getMessage()));
    }
    return new Failure(
        ExitCodes.INTERNAL_ERROR,
        "order-generator failed: "
            + error.getClass().getName()
            + (error.getMessage() == null ? "" : ": " + oneLine(error.getMessage())));
  }

  @SafeVarargs
  private static boolean hasCause(Throwable error, Class<? extends Throwable>... types) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      for (Class<? extends Throwable> type : types) {
        if (type.isInstance(cause)) {
          return true;
        }
      }
    }
    return false;
  }

  static String oneLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    return message.strip().lines().findFirst().orElse("");
  }
}
