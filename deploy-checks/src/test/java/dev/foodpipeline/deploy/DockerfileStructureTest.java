package dev.foodpipeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What hadolint would look at, for the rules that matter here (hadolint is not installed on this
 * machine): multi-stage builds, a non-root user, sources that exist in the build context, Maven
 * building real modules.
 */
class DockerfileStructureTest {
  private static final Pattern MAVEN_MODULES = Pattern.compile("mvn .*?-pl ([\\w,-]+) -am package");
  private static final Pattern POM_MODULE = Pattern.compile("<module>([^<]+)</module>");

  /** The build argument that names the module a shared Dockerfile builds. */
  private static final String MODULE_ARGUMENT = "MODULE";

  @Test
  void everyImageIsAMultiStageBuildWhoseFinalStageCopiesFromTheBuildStage() {
    for (Path path : Repo.filesNamed("Dockerfile")) {
      Dockerfile dockerfile = Dockerfile.read(path);
      assertThat(dockerfile.stages).as(dockerfile.relativePath()).hasSizeGreaterThanOrEqualTo(2);
      assertThat(dockerfile.finalStage().instructions())
          .as("%s: the final stage takes the build output", dockerfile.relativePath())
          .anyMatch(
              instruction ->
                  instruction.keyword().equals("COPY")
                      && instruction.arguments().contains("--from="));
    }
  }

  @Test
  void everyImageRunsAsANonRootUser() {
    for (Path path : Repo.filesNamed("Dockerfile")) {
      Dockerfile dockerfile = Dockerfile.read(path);
      List<String> users =
          dockerfile.finalStage().instructions().stream()
              .filter(instruction -> instruction.keyword().equals("USER"))
              .map(Dockerfile.Instruction::arguments)
              .collect(Collectors.toList());
      assertThat(users).as("%s: USER in the final stage", dockerfile.relativePath()).isNotEmpty();
      String user = users.get(users.size() - 1).split(":")[0];
      assertThat(user).as(dockerfile.relativePath()).isNotIn("root", "0");
    }
  }

  @Test
  void everyCopiedSourceExistsInTheBuildContextAndIsNotDockerignored() {
    List<PathMatcher> ignored = dockerignore();
    List<String> problems = new ArrayList<>();
    for (Path path : Repo.filesNamed("Dockerfile")) {
      Dockerfile dockerfile = Dockerfile.read(path);
      for (Dockerfile.Stage stage : dockerfile.stages) {
        for (Dockerfile.Instruction instruction : stage.instructions()) {
          if (!instruction.keyword().equals("COPY")
              || instruction.arguments().contains("--from=")) {
            continue;
          }
          List<String> words = new ArrayList<>();
          for (String word : instruction.arguments().split("\\s+")) {
            if (!word.startsWith("--")) {
              words.add(word);
            }
          }
          for (String source : words.subList(0, words.size() - 1)) {
            if (source.equals(".")) {
              continue;
            }
            if (!Files.exists(Repo.path(source))) {
              problems.add(dockerfile.relativePath() + ": COPY " + source + " does not exist");
            } else if (isIgnored(ignored, Path.of(source))) {
              problems.add(
                  dockerfile.relativePath() + ": COPY " + source + " is excluded by .dockerignore");
            }
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void dockerignoreKeepsBuildOutputAndVcsDataOutOfTheContext() {
    List<PathMatcher> ignored = dockerignore();
    assertThat(isIgnored(ignored, Path.of("streams-app/target/streams-app.jar"))).isTrue();
    assertThat(isIgnored(ignored, Path.of(".git/config"))).isTrue();
    assertThat(isIgnored(ignored, Path.of(".local-stack/kafka"))).isTrue();
    assertThat(isIgnored(ignored, Path.of("pom.xml"))).isFalse();
    assertThat(isIgnored(ignored, Path.of("order-model/src/main/java"))).isFalse();
  }

  @Test
  void mavenBuildStagesBuildModulesOfTheParentPom() {
    Matcher modules = POM_MODULE.matcher(Repo.read("pom.xml"));
    List<String> declared = new ArrayList<>();
    while (modules.find()) {
      declared.add(modules.group(1));
    }
    for (Path path : Repo.filesNamed("Dockerfile")) {
      Dockerfile dockerfile = Dockerfile.read(path);
      Dockerfile.Stage build = dockerfile.stages.get(0);
      assertThat(build.image()).as(dockerfile.relativePath()).startsWith("maven:");
      String written =
          build.instructions().stream()
              .filter(instruction -> instruction.keyword().equals("RUN"))
              .map(Dockerfile.Instruction::arguments)
              .collect(Collectors.joining("\n"));
      for (String runs : withModuleArguments(dockerfile, written)) {
        Matcher maven = MAVEN_MODULES.matcher(runs);
        assertThat(maven.find())
            .as("%s runs mvn -pl <module> -am package", dockerfile.relativePath())
            .isTrue();
        assertThat(List.of(maven.group(1).split(",")))
            .as(dockerfile.relativePath())
            .isSubsetOf(declared);
        assertThat(runs)
            .as(
                "%s: tests run in the project's build, not in the image build",
                dockerfile.relativePath())
            .contains("-DskipTests");
      }
    }
  }

  /**
   * The build stage's commands as each compose build of this Dockerfile runs them: {@code
   * ${MODULE}} replaced by the {@code MODULE} build argument of each service that builds it (the
   * text as written when it has no such argument).
   */
  private static List<String> withModuleArguments(Dockerfile dockerfile, String runs) {
    if (!runs.contains("${" + MODULE_ARGUMENT + "}")) {
      return List.of(runs);
    }
    List<String> modules = composeBuildArguments(dockerfile, MODULE_ARGUMENT);
    assertThat(modules)
        .as("%s: compose builds it with a %s argument", dockerfile.relativePath(), MODULE_ARGUMENT)
        .isNotEmpty();
    return modules.stream()
        .map(module -> runs.replace("${" + MODULE_ARGUMENT + "}", module))
        .toList();
  }

  /** The values of build argument {@code name} of every compose service that builds this file. */
  private static List<String> composeBuildArguments(Dockerfile dockerfile, String name) {
    List<String> values = new ArrayList<>();
    for (Map<String, Object> service : Compose.load().services().values()) {
      if (service.get("build") instanceof Map<?, ?> build
          && dockerfile.relativePath().equals(String.valueOf(build.get("dockerfile")))
          && build.get("args") instanceof Map<?, ?> args
          && args.get(name) != null) {
        values.add(String.valueOf(args.get(name)));
      }
    }
    return values.stream().distinct().toList();
  }

  @Test
  void composeBuildsFromTheRepositoryRootWithDockerfilesThatExist() {
    for (Map.Entry<String, Map<String, Object>> service : Compose.load().services().entrySet()) {
      Object build = service.getValue().get("build");
      if (build == null) {
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> settings = (Map<String, Object>) build;
      assertThat(settings.get("context")).as(service.getKey()).isEqualTo(".");
      assertThat(Repo.path(String.valueOf(settings.get("dockerfile"))))
          .as(service.getKey())
          .isRegularFile();
    }
  }

  private static List<PathMatcher> dockerignore() {
    List<PathMatcher> matchers = new ArrayList<>();
    for (String line : Repo.lines(".dockerignore")) {
      String pattern = line.trim();
      if (pattern.isEmpty() || pattern.startsWith("#")) {
        continue;
      }
      matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
      if (pattern.startsWith("**/")) {
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(3)));
      }
    }
    return matchers;
  }

  /** A path is excluded when it or one of its parent folders matches a pattern. */
  private static boolean isIgnored(List<PathMatcher> matchers, Path path) {
    for (Path prefix = path; prefix != null; prefix = prefix.getParent()) {
      for (PathMatcher matcher : matchers) {
        if (matcher.matches(prefix)) {
          return true;
        }
      }
    }
    return false;
  }
}
