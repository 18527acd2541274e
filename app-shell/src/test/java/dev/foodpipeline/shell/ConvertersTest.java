package dev.foodpipeline.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertersTest {
  @Test
  void wholeNumbers() {
    assertThat(new Converters.WholeNumber().convert(" 42 ")).isEqualTo(42L);
    assertThatThrownBy(() -> new Converters.WholeNumber().convert("many"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("must be a whole number, got 'many'");
  }

  @Test
  void anIntIsCheckedBeforeItIsNarrowed() {
    assertThat(new Converters.Int().convert("-3")).isEqualTo(-3);
    assertThatThrownBy(() -> new Converters.Int().convert("4294967297"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("must be at most 2147483647, got 4294967297");
    assertThatThrownBy(() -> new Converters.Int().convert("-4294967297"))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void booleans() {
    assertThat(new Converters.Bool().convert("TRUE")).isTrue();
    assertThat(new Converters.Bool().convert("false")).isFalse();
    assertThatThrownBy(() -> new Converters.Bool().convert("yes"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("must be true or false, got 'yes'");
  }

  @Test
  void keyValuesSplitAtTheFirstEqualsSign() {
    assertThat(new Converters.KeyValue().convert("a.b = x=y")).isEqualTo(Map.entry("a.b", "x=y"));
    assertThatThrownBy(() -> new Converters.KeyValue().convert("server.properties"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("takes KEY=VALUE, got 'server.properties'");
    assertThatThrownBy(() -> new Converters.KeyValue("the file is --file FILE") {}.convert("=x"))
        .hasMessage("takes KEY=VALUE; the file is --file FILE");
  }

  @Test
  void laterKeyValuesReplaceEarlierOnes() {
    assertThat(
            Converters.KeyValue.toMap(
                List.of(Map.entry("a", "1"), Map.entry("b", "2")), List.of(Map.entry("a", "3"))))
        .containsExactly(Map.entry("a", "3"), Map.entry("b", "2"));
  }

  @Test
  void existingFiles(@TempDir Path directory) throws Exception {
    Path file = Files.writeString(directory.resolve("f.properties"), "");
    assertThat(new Converters.ExistingFile().convert(file.toString())).isEqualTo(file);
    assertThatThrownBy(() -> new Converters.ExistingFile().convert(directory.toString()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("must be an existing file, got '" + directory + "'");
  }
}
