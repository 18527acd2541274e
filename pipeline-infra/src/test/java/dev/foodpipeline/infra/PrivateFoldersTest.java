package dev.foodpipeline.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFoldersTest {

  @TempDir Path directory;

  @Test
  void aHalfUnpackedBinariesFolderIsDeletedAndAFinishedOneKept() throws IOException {
    Path binaries = directory.resolve("binaries");
    Path interrupted = Files.createDirectories(binaries.resolve("PG-0123/bin"));
    Files.write(interrupted.resolve("postgres"), new byte[] {0x7f, 'E'});
    Path finished = Files.createDirectories(binaries.resolve("PG-4567/bin"));
    Files.createFile(binaries.resolve("PG-4567/.exists"));

    assertThat(PrivateFolders.discardIncompleteBinaries(binaries)).isEqualTo(1);

    assertThat(binaries.resolve("PG-0123")).doesNotExist();
    assertThat(finished).exists();
    assertThat(PrivateFolders.discardIncompleteBinaries(binaries)).isZero();
  }

  @Test
  void noBinariesFolderYetIsNothingToDiscard() {
    assertThat(PrivateFolders.discardIncompleteBinaries(directory.resolve("absent"))).isZero();
  }

  @Test
  void aPrivateFolderIsReadableByItsOwnerOnlyEvenIfItExistedBefore() throws IOException {
    Path folder = Files.createDirectories(directory.resolve("a/b"));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));

    PrivateFolders.ownerOnly(folder);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
        .isEqualTo("rwx------");
  }
}
