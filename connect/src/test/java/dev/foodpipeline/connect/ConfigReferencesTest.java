package dev.foodpipeline.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReferencesTest {

  @TempDir Path secrets;

  @Test
  void aDirectoryReferenceIsTheFilesContent() throws IOException {
    Files.writeString(secrets.resolve("password"), "s3cret");
    Map<String, String> config =
        Map.of("connection.password", "${directory:" + secrets + ":password}");

    assertThat(ConfigReferences.resolve(config, "connection.password")).isEqualTo("s3cret");
  }

  @Test
  void aPlainValueOrNoValueIsLeftAsItIs() {
    assertThat(ConfigReferences.resolve(Map.of("k", "plain"), "k")).isEqualTo("plain");
    assertThat(ConfigReferences.resolve(Map.of(), "k")).isNull();
  }

  @Test
  void aSecretThatCannotBeReadIsNamedNotPassedOnAsAPassword() {
    Map<String, String> config =
        Map.of("connection.password", "${directory:" + secrets + ":missing}");

    assertThatThrownBy(() -> ConfigReferences.resolve(config, "connection.password"))
        .isInstanceOf(RegistrarException.class)
        .hasMessage(
            "connection.password refers to a secret that could not be read: ${directory:"
                + secrets
                + ":missing}");
  }
}
