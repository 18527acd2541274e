package dev.foodpipeline.generator.cli;

import dev.foodpipeline.generator.producer.InvalidSettingException;
import dev.foodpipeline.generator.producer.KafkaSetupException;
import dev.foodpipeline.generator.producer.KafkaUnreachableException;
import dev.foodpipeline.model.topics.TopicCreator.TopicSetupException;
import dev.foodpipeline.shell.ErrorClassifier;
import dev.foodpipeline.shell.Errors;
import dev.foodpipeline.shell.ExitCodes;
import dev.foodpipeline.shell.Failure;
import dev.foodpipeline.shell.MetricsServer;
import dev.foodpipeline.sink.DatabaseException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * The generator's rules for the shell's {@link ErrorClassifier}: an unreachable cluster, Kafka
 * refusing something, a bad client setting, the database; anything else is a bug (exit 70).
 */
final class ErrorHandler {
  static final ErrorClassifier CLASSIFIER =
      new ErrorClassifier("order-generator")
          .on(KafkaUnreachableException.class, ExitCodes.UNREACHABLE)
          .on(DatabaseException.class, ExitCodes.DATABASE_ERROR)
          .on(InvalidSettingException.class, ExitCodes.USAGE)
          .on(MetricsServer.StartException.class, ExitCodes.USAGE)
          .on(
              ConfigException.class,
              e ->
                  new Failure(
                      ExitCodes.USAGE,
                      "Invalid Kafka client setting: " + Errors.oneLine(e.getMessage())))
          .on(
              TopicSetupException.class,
              e ->
                  new Failure(
                      Errors.hasCause(
                              e,
                              java.util.concurrent.TimeoutException.class,
                              TimeoutException.class)
                          ? ExitCodes.UNREACHABLE
                          : ExitCodes.KAFKA_ERROR,
                      Errors.oneLine(e.getMessage())))
          .on(KafkaSetupException.class, ExitCodes.KAFKA_ERROR)
          .on(
              TimeoutException.class,
              e ->
                  new Failure(
                      ExitCodes.UNREACHABLE,
                      "Kafka did not answer in time: " + Errors.oneLine(e.getMessage())))
          // No cause more telling than a general Kafka error: the deepest one says most.
          .onDeepest(
              KafkaException.class,
              e ->
                  new Failure(
                      ExitCodes.KAFKA_ERROR, "Kafka error: " + Errors.oneLine(e.getMessage())));

  private ErrorHandler() {}

  static Failure classify(Throwable error) {
    return CLASSIFIER.classify(error);
  }
}
