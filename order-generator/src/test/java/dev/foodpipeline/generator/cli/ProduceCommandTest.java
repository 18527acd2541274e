package dev.foodpipeline.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.generator.GeneratedOrder;
import dev.foodpipeline.generator.GenerationSpec;
import dev.foodpipeline.generator.OrderFactory;
import dev.foodpipeline.generator.fakes.RecordingSender;
import dev.foodpipeline.generator.producer.KafkaUnreachableException;
import dev.foodpipeline.model.catalog.RestaurantCatalog;
import dev.foodpipeline.model.topics.Topics;
import dev.foodpipeline.shell.ExitCodes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProduceCommandTest {
  private final CliRunner cli = new CliRunner();

  @Test
  void setsUpTopicsAndRestaurantsThenProducesAndSummarises() {
    int exit = cli.run("produce", "--count", "20", "--rate", "0");

    assertThat(exit).isEqualTo(ExitCodes.OK);
    assertThat(cli.kafka.topics)
        .containsExactlyInAnyOrderElementsOf(Topics.all().stream().map(t -> t.name()).toList());
    assertThat(cli.kafka.restaurants).isEqualTo(RestaurantCatalog.generate(42).restaurants());
    assertThat(cli.kafka.sender.sent()).hasSize(20);
    assertThat(cli.kafka.sender.closed()).isTrue();
    assertThat(cli.kafka.adminsOpen).isZero();
    assertThat(cli.out())
        .contains("created         food-orders (3 partitions)")
        .contains("created         restaurants (1 partition)")
        .contains("published       20 restaurants (seed 42) to restaurants")
        .contains("Produced to food-orders")
        .containsPattern("sent\\s+20\n")
        .containsPattern("acknowledged\\s+20\n")
        .containsPattern("failed\\s+0\n");
  }

  @Test
  void producesExactlyWhatTheFactoryPredictsForTheSeed() {
    assertThat(
            cli.run(
                "produce",
                "--count",
                "300",
                "--rate",
                "0",
                "--seed",
                "7",
                "--invalid-ratio",
                "0.25"))
        .isZero();

    List<GeneratedOrder> expected =
        new OrderFactory(GenerationSpec.of(7, 0.25), CliRunner.CLOCK).generate(1, 300).toList();
    List<RecordingSender.Sent> sent = cli.kafka.sender.sent();
    for (int i = 0; i < expected.size(); i++) {
      assertThat(sent.get(i).key()).isEqualTo(expected.get(i).key());
      assertThat(sent.get(i).value()).isEqualTo(expected.get(i).value());
    }
    long invalid = expected.stream().filter(g -> !g.isValid()).count();
    assertThat(cli.out())
        .containsPattern("invalid\\s+" + invalid + "\n")
        .containsPattern("valid\\s+" + (300 - invalid) + "\n");
  }

  @Test
  void startSequenceAndSeedChooseTheOrderIds() {
    assertThat(
            cli.run(
                "produce",
                "--count",
                "3",
                "--rate",
                "0",
                "--seed",
                "5",
                "--start-sequence",
                "1000"))
        .isZero();
    assertThat(cli.kafka.sender.sent().stream().map(RecordingSender.Sent::key))
        .containsExactly("o-5-00001000", "o-5-00001001", "o-5-00001002");
    assertThat(cli.out()).contains("seed 5, sequences 1000 to 1002)");
  }

  @Test
  void printsPlainProgressLinesAtTheIntervalWhenNotOnATerminal() {
    assertThat(cli.run("produce", "--count", "25", "--rate", "10", "--progress-interval", "1s"))
        .isZero();

    assertThat(cli.err().lines().toList())
        .containsExactly(
            "[   1.0 s] sent 11, acked 0, failed 0, 11.0 orders/s",
            "[   2.0 s] sent 21, acked 0, failed 0, 10.0 orders/s");
    assertThat(cli.out())
        .contains("Produced to food-orders in 2.4 s at 10.4 orders/s (target 10 orders/s;");
  }

  @Test
  void plainProgressComesEveryTenSecondsByDefault() {
    assertThat(cli.run("produce", "--count", "250", "--rate", "10")).isZero();

    assertThat(cli.err().lines().toList())
        .containsExactly(
            "[  10.0 s] sent 101, acked 0, failed 0, 10.0 orders/s",
            "[  20.0 s] sent 201, acked 0, failed 0, 10.0 orders/s");
  }

  @Test
  void onATerminalOneProgressLineIsRewrittenInPlace() {
    cli.terminal = true;
    assertThat(cli.run("produce", "--count", "25", "--rate", "10")).isZero();

    assertThat(cli.err())
        .isEqualTo(
            "\r[   1.0 s] sent 11, acked 0, failed 0, 11.0 orders/s"
                + "\r[   2.0 s] sent 21, acked 0, failed 0, 10.0 orders/s"
                + System.lineSeparator());
  }

  @Test
  void progressCanBeTurnedOff() {
    assertThat(cli.run("produce", "--count", "250", "--rate", "10", "--progress-interval", "0s"))
        .isZero();
    assertThat(cli.err()).isEmpty();
  }

  @Test
  void stopsAfterTheDuration() {
    assertThat(cli.run("produce", "--duration", "2s", "--rate", "5")).isZero();
    assertThat(cli.kafka.sender.sent()).hasSize(10);
  }

  @Test
  void exitsNonZeroWhenSomeOrdersFail() {
    cli.kafka.sender = new RecordingSender().failing(key -> key.endsWith("7"));

    int exit = cli.run("produce", "--count", "100", "--rate", "0");

    assertThat(exit).isEqualTo(ExitCodes.PROBLEM);
    assertThat(cli.out())
        .containsPattern("acknowledged\\s+90\n")
        .containsPattern("failed\\s+10\n")
        .contains("first failure: IllegalStateException: broker said no");
  }

  @Test
  void withoutSetupItNeedsTheTopicAndPublishesNothing() {
    int exit = cli.run("produce", "--count", "5", "--no-setup");

    assertThat(exit).isEqualTo(ExitCodes.KAFKA_ERROR);
    assertThat(cli.err())
        .isEqualTo(
            "Topic food-orders does not exist at 127.0.0.1:9092: run 'order-generator topics' and 'restaurants',"
                + " or leave out --no-setup"
                + System.lineSeparator());
    assertThat(cli.kafka.sender.sent()).isEmpty();

    cli.kafka.topics.add("food-orders");
    assertThat(cli.run("produce", "--count", "5", "--rate", "0", "--no-setup")).isZero();
    assertThat(cli.kafka.sender.sent()).hasSize(5);
    assertThat(cli.kafka.restaurants).isEmpty();
    assertThat(cli.out()).doesNotContain("created").doesNotContain("published");
  }

  @Test
  void anUnreachableBrokerIsOneLineAndExitThree() {
    cli.kafka.unreachable =
        new KafkaUnreachableException(
            "127.0.0.1:9092", Duration.ofSeconds(30), new RuntimeException());

    int exit = cli.run("produce", "--count", "5");

    assertThat(exit).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(cli.err())
        .isEqualTo("Couldn't reach Kafka at 127.0.0.1:9092 within 30 s" + System.lineSeparator());
    assertThat(cli.out()).isEmpty();
    assertThat(cli.kafka.adminsOpen).isZero();
  }

  @Test
  void zeroOrdersIsJustTheSetup() {
    assertThat(cli.run("produce", "--count", "0")).isZero();
    assertThat(cli.kafka.sender.sent()).isEmpty();
    assertThat(cli.kafka.restaurants).hasSize(20);
    assertThat(cli.out()).containsPattern("sent\\s+0\n");
  }
}
