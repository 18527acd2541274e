package dev.foodpipeline.generator.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the runnable jar's manifest. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = GeneratorCommand.class.getPackage().getImplementationVersion();
    return new String[] {"order-generator " + (version == null ? "(development build)" : version)};
  }
}
