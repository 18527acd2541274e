package dev.foodpipeline.generator.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --config-file}, which every subcommand takes (a picocli mixin). */
public final class ConfigFileOption {
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(
      names = "--config-file",
      paramLabel = "FILE",
      description =
          "A .properties file of settings: flags without their dashes (rate=50, seed=7) and Kafka client settings"
              + " as kafka.<name> (kafka.security.protocol=SASL_SSL). Flags and FOOD_GENERATOR_* variables win over it"
              + " (environment FOOD_GENERATOR_CONFIG_FILE).")
  Path path;

  /** The Kafka client settings ({@code kafka.*}) of the config file; empty without one. */
  Map<String, String> kafkaSettings(Map<String, String> env) {
    return GeneratorCommand.defaults(env).kafkaSettings(command);
  }
}
