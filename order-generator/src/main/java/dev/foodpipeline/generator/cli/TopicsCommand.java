package dev.foodpipeline.generator.cli;

import dev.foodpipeline.generator.producer.ClusterAdmin;
import dev.foodpipeline.generator.producer.KafkaSettings;
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
            + "left alone and checked), and print what was created and what already existed.")
final class TopicsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand GeneratorCommand root;
  @Mixin KafkaOptions kafka;

  @Option(
      names = "--replication-factor",
      paramLabel = "N",
      defaultValue = "1",
      description = "Replication factor of the topics it creates (default: ${DEFAULT-VALUE}).")
  int replicationFactor;

  @Override
  public Integer call() {
    KafkaSettings settings = GeneratorCommand.settings(spec, kafka::settings);
    short rf = GeneratorCommand.settings(spec, () -> ProduceSettings.requireReplicationFactor(replicationFactor));
    try (ClusterAdmin admin = root.environment().kafka().admin(settings)) {
      admin.ensureReachable();
      Setup.createTopics(admin, rf, spec.commandLine().getOut());
    }
    return ExitCodes.OK;
  }
}
