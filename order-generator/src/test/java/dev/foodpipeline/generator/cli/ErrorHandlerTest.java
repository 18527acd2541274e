package dev.foodpipeline.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.generator.producer.KafkaSetupException;
import dev.foodpipeline.generator.producer.KafkaUnreachableException;
import dev.foodpipeline.model.topics.TopicCreator.TopicSetupException;
import dev.foodpipeline.shell.Errors;
import dev.foodpipeline.shell.ExitCodes;
import dev.foodpipeline.shell.Failure;
import java.time.Duration;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class ErrorHandlerTest {
  private static Failure classify(Throwable error) {
    return ErrorHandler.classify(error);
  }

  @Test
  void anUnreachableClusterAnywhereInTheCausesIsExitThree() {
    KafkaUnreachableException unreachable =
        new KafkaUnreachableException("h:1", Duration.ofSeconds(3), null);
    assertThat(classify(new RuntimeException("wrapped", unreachable)))
        .isEqualTo(new Failure(ExitCodes.UNREACHABLE, "Couldn't reach Kafka at h:1 within 3 s"));
    assertThat(classify(new TimeoutException("Timed out waiting for a node assignment.")))
        .isEqualTo(
            new Failure(
                ExitCodes.UNREACHABLE,
                "Kafka did not answer in time: Timed out waiting for a node assignment."));
  }

  @Test
  void aTopicSetupTimeoutIsUnreachableAndOtherSetupErrorsAreKafkaErrors() {
    assertThat(
            classify(
                    new TopicSetupException(
                        "Timed out after 30 s waiting for the Kafka broker",
                        new java.util.concurrent.TimeoutException()))
                .exitCode())
        .isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(classify(new TopicSetupException("Topic food-orders has 1 partitions, expected 3")))
        .isEqualTo(
            new Failure(ExitCodes.KAFKA_ERROR, "Topic food-orders has 1 partitions, expected 3"));
    assertThat(classify(new KafkaSetupException("Topic x does not exist")).exitCode())
        .isEqualTo(ExitCodes.KAFKA_ERROR);
  }

  @Test
  void badClientSettingsAreUsageErrors() {
    assertThat(
            classify(
                new KafkaException(
                    "Failed to construct kafka producer",
                    new ConfigException("Invalid value x for configuration acks"))))
        .isEqualTo(
            new Failure(
                ExitCodes.USAGE,
                "Invalid Kafka client setting: Invalid value x for configuration acks"));
  }

  @Test
  void anInvalidSettingIsAUsageError() {
    assertThat(
            classify(
                new dev.foodpipeline.generator.producer.InvalidSettingException(
                    "--producer-config: linger.ms must be a number")))
        .isEqualTo(new Failure(ExitCodes.USAGE, "--producer-config: linger.ms must be a number"));
  }

  @Test
  void otherKafkaErrorsAreExitFour() {
    assertThat(classify(new SaslAuthenticationException("Authentication failed\nmore detail")))
        .isEqualTo(new Failure(ExitCodes.KAFKA_ERROR, "Kafka error: Authentication failed"));
  }

  @Test
  void anythingElseIsABugReportedInOneLine() {
    assertThat(classify(new NullPointerException()))
        .isEqualTo(
            new Failure(
                ExitCodes.INTERNAL_ERROR,
                "order-generator failed: java.lang.NullPointerException"));
    assertThat(classify(new IllegalStateException("line one\nline two")).message())
        .isEqualTo("order-generator failed: java.lang.IllegalStateException: line one");
    assertThat(Errors.oneLine(null)).isEqualTo("(no message)");
  }

  @Test
  void aCommandThatThrowsPrintsOneLineOnItsErrorWriter() {
    CliRunner cli = new CliRunner();
    cli.kafka.unreachable = new IllegalStateException("boom\nat somewhere");
    assertThat(cli.run("topics")).isEqualTo(ExitCodes.INTERNAL_ERROR);
    assertThat(cli.err())
        .isEqualTo(
            "order-generator failed: java.lang.IllegalStateException: boom"
                + System.lineSeparator());
  }
}
