package dev.foodpipeline.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instance's local state across process restarts. A clean close leaves a marker file; when a
 * process starts and finds task directories but no marker (the last run was killed or crashed), it
 * deletes those task directories before Kafka Streams starts. Under exactly-once Kafka Streams
 * would discard that state anyway (a store without a checkpoint may hold uncommitted writes), but
 * it finds out task by task while it already processes, as a {@code TaskCorruptedException}; the
 * handling of that exception aborts the stream thread's open transaction, a path that could lose
 * the uncommitted records of the thread's other tasks: suspected after an early crash test, never
 * reproduced in 26 later runs (docs/streams-app.md). Deleting before the start avoids that path.
 * The process id file stays, so the new producers keep their transactional ids and fence the killed
 * run's open transactions at once.
 */
final class LocalState {
  private static final Logger log = LoggerFactory.getLogger(LocalState.class);

  /** A task directory: {@code <subtopology>_<partition>}. */
  private static final Pattern TASK_DIRECTORY = Pattern.compile("\\d+_\\d+");

  /** State directories already prepared by this JVM: an app restarted in-process is not a crash. */
  private static final Set<Path> PREPARED = new HashSet<>();

  private LocalState() {}

  /** {@code <state dir>/.<application id>.clean-shutdown}. */
  static Path marker(Path stateDir, String applicationId) {
    return stateDir.resolve("." + applicationId + ".clean-shutdown");
  }

  /**
   * Before the first start in this JVM: deletes the application's task directories when the last
   * run left no clean-shutdown marker, and removes the marker (a crash from now on leaves none).
   *
   * @return how many task directories were deleted
   */
  static synchronized int prepare(Path stateDir, String applicationId, String instance) {
    Path marker = marker(stateDir, applicationId);
    if (!PREPARED.add(stateDir.toAbsolutePath().normalize().resolve(applicationId))) {
      deleteQuietly(marker);
      return 0;
    }
    boolean clean = Files.exists(marker);
    deleteQuietly(marker);
    List<Path> tasks = taskDirectories(stateDir.resolve(applicationId));
    if (clean || tasks.isEmpty()) {
      return 0;
    }
    tasks.forEach(LocalState::deleteTree);
    log.warn(
        "streams-app {}: its last run did not stop cleanly (killed or crashed); deleted the local state of {} task(s)"
            + " in {} before starting: Kafka Streams restores it from the changelogs",
        instance,
        tasks.size(),
        stateDir.resolve(applicationId));
    return tasks.size();
  }

  /** After a clean close: the next start may keep the local state. */
  static void markClean(Path stateDir, String applicationId) {
    try {
      Files.createDirectories(stateDir);
      Files.writeString(marker(stateDir, applicationId), "closed cleanly\n");
    } catch (IOException e) {
      log.warn(
          "Cannot write {}: the next start will rebuild the local state ({})",
          marker(stateDir, applicationId),
          e.toString());
    }
  }

  private static List<Path> taskDirectories(Path applicationDir) {
    if (!Files.isDirectory(applicationDir)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(applicationDir)) {
      return children
          .filter(Files::isDirectory)
          .filter(child -> TASK_DIRECTORY.matcher(child.getFileName().toString()).matches())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + applicationDir, e);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + root, e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.debug("Cannot delete {}: {}", file, e.toString());
    }
  }
}
