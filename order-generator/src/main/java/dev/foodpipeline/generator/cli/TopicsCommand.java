package dev.foodpipeline.generator.cli;

import dev.foodpipeline.generator.producer.ClusterAdmin;
import dev.foodpipeline.generator.producer.KafkaSettings;
import dev.foodpipeline.shell.ExitCodes;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code order-generator topics}: creates every topic of the pipeline that does not exist yet. */
@Command(
    name = "topics",
    sortOptions = false,
    description =
        "Create the pipeline's topics with their partitions and configs (idempotent: existing topics are "
            + "left alone and checked), and print what was created and what already existed.",
    footer = {
      "",
      "Examples:",
      "  order-generator topics",
      "  order-generator topics -b kafka-1:9092,kafka-2:9092 --config-file secure.properties",
      "",
      "Exit codes: 0 ok, 2 bad usage, 3 Kafka unreachable, 4 Kafka error (a topic exists with other partitions)."
    })
final class TopicsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand GeneratorCommand root;
  @Mixin KafkaOptions kafka;
  @Mixin ConfigFileOption config;

  @Option(
      names = "--replication-factor",
      paramLabel = "N",
      description =
          "Replication factor of the topics it creates (default: the number of brokers, at most 3);"
              + " min.insync.replicas is one less (at least 1).")
  Integer replicationFactor;

  @Override
  public Integer call() {
    KafkaSettings settings =
        GeneratorCommand.settings(
            spec, () -> kafka.settings(config.kafkaSettings(root.environment().env())));
    OptionalInt rf =
        GeneratorCommand.settings(
            spec, () -> ProduceSettings.requireReplicationFactor(replicationFactor));
    try (ClusterAdmin admin = root.environment().kafka().admin(settings)) {
      admin.ensureReachable();
      Setup.createTopics(admin, rf, spec.commandLine().getOut());
    }
    return ExitCodes.OK;
  }
}
