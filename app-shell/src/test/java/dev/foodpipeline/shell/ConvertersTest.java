package dev.foodpipeline.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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
}
