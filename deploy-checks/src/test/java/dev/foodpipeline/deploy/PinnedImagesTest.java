package dev.foodpipeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No image the stack pulls or builds from is unpinned: every tag is an explicit version, never
 * latest.
 */
class PinnedImagesTest {
  /**
   * A tag that names a version: it holds a digit (17.6-alpine, v3.5.0, 3.9.11-eclipse-temurin-17).
   */
  private static final Pattern VERSION_TAG = Pattern.compile(".*\\d.*");

  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

  static boolean isPinned(String image) {
    int at = image.indexOf('@');
    if (at >= 0) {
      return DIGEST.matcher(image.substring(at + 1)).matches();
    }
    String tag = tag(image);
    return tag != null
        && !tag.equals("latest")
        && VERSION_TAG.matcher(tag).matches()
        && !image.contains("$");
  }

  /**
   * The tag after the last ':' of the last path segment (a registry port is not a tag), or null.
   */
  static String tag(String image) {
    String lastSegment = image.substring(image.lastIndexOf('/') + 1);
    int colon = lastSegment.indexOf(':');
    return colon < 0 ? null : lastSegment.substring(colon + 1);
  }

  @Test
  void recognisesPinnedAndUnpinnedImages() {
    assertThat(isPinned("postgres:17.6-alpine")).isTrue();
    assertThat(isPinned("ghcr.io/kafbat/kafka-ui:v1.2.0")).isTrue();
    assertThat(isPinned("localhost:5000/app@sha256:" + "a".repeat(64))).isTrue();
    assertThat(isPinned("postgres")).isFalse();
    assertThat(isPinned("postgres:latest")).isFalse();
    assertThat(isPinned("postgres:alpine")).isFalse();
    assertThat(isPinned("localhost:5000/app")).isFalse();
    assertThat(isPinned("${BASE_IMAGE}")).isFalse();
  }

  @Test
  void everyDockerfileBuildsFromPinnedImagesOrItsOwnStages() {
    List<Path> dockerfiles = Repo.filesNamed("Dockerfile");
    assertThat(dockerfiles).as("the stack's Dockerfiles").hasSizeGreaterThanOrEqualTo(4);
    List<String> unpinned = new ArrayList<>();
    for (Path path : dockerfiles) {
      Dockerfile dockerfile = Dockerfile.read(path);
      Set<String> stages = new HashSet<>();
      for (Dockerfile.Stage stage : dockerfile.stages) {
        if (!stages.contains(stage.image()) && !isPinned(stage.image())) {
          unpinned.add(dockerfile.relativePath() + ": FROM " + stage.image());
        }
        if (stage.name() != null) {
          stages.add(stage.name());
        }
      }
    }
    assertThat(unpinned).isEmpty();
  }

  @Test
  void everyComposeImageIsPinnedAndLocalBuildsAreNeverTaggedLatest() {
    List<String> unpinned = new ArrayList<>();
    for (Map.Entry<String, Map<String, Object>> service : Compose.load().services().entrySet()) {
      Object image = service.getValue().get("image");
      boolean built = service.getValue().containsKey("build");
      if (image == null) {
        if (!built) {
          unpinned.add(service.getKey() + ": no image");
        }
        continue;
      }
      String name = String.valueOf(image);
      String tag = tag(name);
      if (built ? tag == null || tag.equals("latest") : !isPinned(name)) {
        unpinned.add(service.getKey() + ": " + name);
      }
    }
    assertThat(unpinned).isEmpty();
  }
}
