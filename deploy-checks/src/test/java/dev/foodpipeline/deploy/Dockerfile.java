package dev.foodpipeline.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Dockerfile as a list of instructions (continuations joined, comments dropped), split into
 * stages.
 */
final class Dockerfile {
  /** One instruction: keyword in upper case, the rest as written. */
  record Instruction(String keyword, String arguments) {}

  /** One stage: its FROM image, its name (or null) and its instructions after FROM. */
  record Stage(String image, String name, List<Instruction> instructions) {}

  final Path path;
  final List<Stage> stages;

  private Dockerfile(Path path, List<Stage> stages) {
    this.path = path;
    this.stages = stages;
  }

  static Dockerfile read(Path path) {
    List<Stage> stages = new ArrayList<>();
    List<Instruction> current = null;
    for (Instruction instruction :
        instructions(Repo.read(Repo.root().relativize(path).toString()))) {
      if (instruction.keyword().equals("FROM")) {
        String[] words = instruction.arguments().trim().split("\\s+");
        List<String> parts = new ArrayList<>();
        for (String word : words) {
          if (!word.startsWith("--")) {
            parts.add(word);
          }
        }
        String image = parts.get(0);
        String name =
            parts.size() >= 3 && parts.get(1).equalsIgnoreCase("AS") ? parts.get(2) : null;
        current = new ArrayList<>();
        stages.add(new Stage(image, name, current));
      } else if (current != null) {
        current.add(instruction);
      }
    }
    return new Dockerfile(path, stages);
  }

  Stage finalStage() {
    return stages.get(stages.size() - 1);
  }

  String relativePath() {
    return Repo.root().relativize(path).toString();
  }

  private static List<Instruction> instructions(String text) {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder logical = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      String trimmed = line.trim();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && logical.length() == 0)) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        logical.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      logical.append(trimmed);
      String instruction = logical.toString().trim();
      logical.setLength(0);
      if (instruction.isEmpty()) {
        continue;
      }
      int space = instruction.indexOf(' ');
      String keyword =
          (space < 0 ? instruction : instruction.substring(0, space)).toUpperCase(Locale.ROOT);
      instructions.add(
          new Instruction(keyword, space < 0 ? "" : instruction.substring(space + 1).trim()));
    }
    return instructions;
  }
}
