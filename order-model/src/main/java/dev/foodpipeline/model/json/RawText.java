package dev.foodpipeline.model.json;

import dev.foodpipeline.model.StoredText;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Keeps a record's original bytes readable: as text when they are UTF-8 (control characters other
 * than tab, line feed and carriage return written as {@code \}{@code uXXXX}), else as base64.
 */
public final class RawText {
  public static final String BASE64_PREFIX = "base64:";

  /** Marks where {@link #bounded} cut the original text. */
  public static final String CUT_MARK = "…[cut: %d bytes in all]";

  private RawText() {}

  /**
   * The bytes as UTF-8 text, or {@code base64:<encoded>} when they are not valid UTF-8; null stays
   * null.
   */
  public static String of(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    return decodeUtf8(bytes)
        // PostgreSQL text cannot hold NUL; no other control character belongs in stored text.
        .map(text -> StoredText.clean(text, true))
        .orElseGet(() -> BASE64_PREFIX + Base64.getEncoder().encodeToString(bytes));
  }

  /** The bytes as text when they are valid UTF-8. */
  public static Optional<String> decodeUtf8(byte[] bytes) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /**
   * The bytes as {@link #of} gives them, cut to {@code maxChars} characters plus a mark saying how
   * large the record was: the {@code raw} of a rejection (streams-app's and
   * notification-service's).
   */
  public static String bounded(byte[] raw, int maxChars) {
    String text = of(raw);
    if (text == null || text.length() <= maxChars) {
      return text;
    }
    int cut = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
    return text.substring(0, cut) + String.format(java.util.Locale.ROOT, CUT_MARK, raw.length);
  }
}
