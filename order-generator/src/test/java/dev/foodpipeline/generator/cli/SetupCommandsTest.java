package dev.foodpipeline.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.generator.producer.KafkaUnreachableException;
import dev.foodpipeline.model.catalog.RestaurantCatalog;
import dev.foodpipeline.model.topics.Durability;
import dev.foodpipeline.model.topics.Topics;
import dev.foodpipeline.shell.ExitCodes;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SetupCommandsTest {
  private final CliRunner cli = new CliRunner();

  @Test
  void topicsCreatesWhatIsMissingAndSaysWhatExisted() {
    assertThat(cli.run("topics")).isZero();
    // Every topic of the registry, whatever it holds.
    assertThat(cli.out().lines().toList())
        .startsWith(
            "durability      replication factor 1, min.insync.replicas 1 (for topics it creates)",
            "created         restaurants (1 partition)",
            "created         food-orders (3 partitions)",
            "created         food-orders-processed (3 partitions)",
            "created         food-order-items (3 partitions)",
            "created         food-orders-rejected (3 partitions)")
        .hasSize(1 + Topics.all().size());

    assertThat(cli.run("topics")).isZero();
    assertThat(cli.out().lines().skip(1))
        .hasSize(Topics.all().size())
        .allMatch(line -> line.startsWith("already exists  "));
  }

  @Test
  void topicsFollowTheNumberOfBrokersUnlessAReplicationFactorIsGiven() {
    cli.kafka.brokers = 5;
    assertThat(cli.run("topics")).isZero();
    assertThat(cli.kafka.durabilitySeen).isEqualTo(new Durability((short) 3, 2));

    assertThat(cli.run("topics", "--replication-factor", "2")).isZero();
    assertThat(cli.kafka.durabilitySeen).isEqualTo(new Durability((short) 2, 1));
  }

  @Test
  void topicsReportsAnUnreachableBroker() {
    cli.kafka.unreachable = new KafkaUnreachableException("k:9092", Duration.ofSeconds(2), null);
    assertThat(cli.run("topics", "-b", "k:9092", "--timeout", "2s"))
        .isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(cli.err())
        .isEqualTo("Couldn't reach Kafka at k:9092 within 2 s" + System.lineSeparator());
  }

  @Test
  void restaurantsPublishesTheCatalogueOfTheSeed() {
    cli.kafka.topics.add("restaurants");

    assertThat(cli.run("restaurants", "--seed", "5")).isZero();
    assertThat(cli.kafka.restaurants).isEqualTo(RestaurantCatalog.generate(5).restaurants());
    assertThat(cli.out())
        .isEqualTo(
            "published       20 restaurants (seed 5) to restaurants" + System.lineSeparator());
  }

  @Test
  void restaurantsNeedsItsTopic() {
    assertThat(cli.run("restaurants")).isEqualTo(ExitCodes.KAFKA_ERROR);
    assertThat(cli.err())
        .startsWith(
            "Topic restaurants does not exist at 127.0.0.1:9092: run 'order-generator topics' first");
    assertThat(cli.kafka.restaurants).isEmpty();
  }

  @Test
  void helpSubcommandPrintsTheCommandsHelp() {
    assertThat(cli.run("help", "topics")).isZero();
    assertThat(cli.out())
        .contains("Usage: order-generator topics")
        .contains("--replication-factor=N");
  }
}
