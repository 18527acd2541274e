package dev.foodpipeline.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Files of the repository these tests check, found from the {@code repo.root} system property. */
final class Repo {
  private Repo() {}

  static Path root() {
    String root = System.getProperty("repo.root", "..");
    return Path.of(root).toAbsolutePath().normalize();
  }

  static Path path(String relative) {
    return root().resolve(relative);
  }

  static String read(String relative) {
    try {
      return Files.readString(path(relative));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + relative, e);
    }
  }

  static List<String> lines(String relative) {
    return read(relative).lines().collect(Collectors.toList());
  }

  static Properties properties(String relative) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(path(relative))) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + relative, e);
    }
    return properties;
  }

  /** YAML with anchors, aliases and merge keys resolved (as docker compose reads it). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> yaml(String relative) {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    return (Map<String, Object>) yaml.load(read(relative));
  }

  /** Every file named {@code name} below the root, outside build output and VCS folders. */
  static List<Path> filesNamed(String name) {
    try (Stream<Path> files = Files.walk(root())) {
      return files
          .filter(file -> file.getFileName().toString().equals(name))
          .filter(file -> !isExcluded(root().relativize(file)))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the repository", e);
    }
  }

  private static boolean isExcluded(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.equals("target")
          || name.equals(".git")
          || name.equals("node_modules")
          || name.equals(".local-stack")) {
        return true;
      }
    }
    return false;
  }
}
