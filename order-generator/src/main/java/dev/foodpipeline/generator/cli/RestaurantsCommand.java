package dev.foodpipeline.generator.cli;

import dev.foodpipeline.generator.GenerationSpec;
import dev.foodpipeline.generator.producer.ClusterAdmin;
import dev.foodpipeline.generator.producer.KafkaSettings;
import dev.foodpipeline.model.topics.Topics;
import dev.foodpipeline.shell.ExitCodes;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code order-generator restaurants}: publishes the restaurant catalogue of a seed. */
@Command(
    name = "restaurants",
    sortOptions = false,
    description =
        "Publish the restaurant catalogue of a seed (20 restaurants with their menus) to the compacted "
            + "restaurants topic, key = restaurant id. Orders refer to the menus and prices of the catalogue seed they"
            + " are made against (produce --catalog-seed, by default their --seed).",
    footer = {
      "",
      "Examples:",
      "  order-generator restaurants --seed 1",
      "  FOOD_BOOTSTRAP_SERVERS=kafka:9092 order-generator restaurants --seed 1",
      "",
      "Exit codes: 0 ok, 2 bad usage, 3 Kafka unreachable, 4 Kafka error (no restaurants topic: run 'topics')."
    })
final class RestaurantsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand GeneratorCommand root;
  @Mixin KafkaOptions kafka;
  @Mixin ConfigFileOption config;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "" + GenerationSpec.DEFAULT_SEED,
      description =
          "The seed of the catalogue; use the seed of the orders (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    KafkaSettings settings =
        GeneratorCommand.settings(
            spec, () -> kafka.settings(config.kafkaSettings(root.environment().env())));
    try (ClusterAdmin admin = root.environment().kafka().admin(settings)) {
      admin.ensureReachable();
      Setup.requireTopics(
          admin, settings, "run 'order-generator topics' first", List.of(Topics.RESTAURANTS));
    }
    Setup.publishRestaurants(
        root.environment().kafka(), settings, seed, spec.commandLine().getOut());
    return ExitCodes.OK;
  }
}
