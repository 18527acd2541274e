package dev.foodpipeline.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RawTextTest {
  @Test
  void keepsUtf8AsText() {
    assertThat(RawText.of("{\"a\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("{\"a\":\"caf\u00e9\"}");
  }

  @Test
  void keepsOtherBytesAsBase64() {
    assertThat(RawText.of(new byte[] {(byte) 0xff, 0x00, 0x41})).isEqualTo("base64:/wBB");
  }

  @Test
  void escapesNulCharactersThatPostgresTextCannotHold() {
    assertThat(RawText.of(new byte[] {0x41, 0x00, 0x42})).isEqualTo("A\\u0000B");
  }

  @Test
  void escapesOtherControlCharactersButKeepsLineBreaksAndTabs() {
    assertThat(RawText.of(new byte[] {0x41, 0x07, 0x0a, 0x09, 0x0d, 0x1b, 0x42}))
        .isEqualTo("A\\u0007\n\t\r\\u001bB");
  }

  @Test
  void leavesNullAsNull() {
    assertThat(RawText.of(null)).isNull();
  }
}
