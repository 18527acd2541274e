package dev.foodpipeline.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The folders of the local stack's PostgreSQL: created readable by their owner only, and a folder
 * of unpacked binaries that an interrupted first start left half-written is deleted, so that the
 * next start unpacks it again instead of running a truncated binary.
 */
final class PrivateFolders {

  /** zonky writes this file into {@code PG-<digest>} once every binary is unpacked. */
  private static final String UNPACKED_MARKER = ".exists";

  private PrivateFolders() {}

  /** Creates {@code folder} and its missing parents, and makes it {@code rwx------}. */
  static Path ownerOnly(Path folder) {
    try {
      Files.createDirectories(folder);
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException("Couldn't create the private folder " + folder, e);
    }
  }

  /**
   * Deletes every {@code PG-*} folder under {@code binaries} that lacks zonky's marker of a
   * finished unpack; returns how many it deleted.
   */
  static int discardIncompleteBinaries(Path binaries) {
    if (!Files.isDirectory(binaries)) {
      return 0;
    }
    int discarded = 0;
    try (DirectoryStream<Path> unpacked = Files.newDirectoryStream(binaries, "PG-*")) {
      for (Path folder : unpacked) {
        if (!Files.exists(folder.resolve(UNPACKED_MARKER))) {
          deleteRecursively(folder);
          discarded++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Couldn't inspect the PostgreSQL binaries in " + binaries, e);
    }
    return discarded;
  }

  private static void deleteRecursively(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
