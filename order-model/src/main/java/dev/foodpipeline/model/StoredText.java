package dev.foodpipeline.model;

import java.util.Locale;

/**
 * Makes a text safe to store in a rejection or a table: control characters written as {@code
 * \}{@code uXXXX} escapes (PostgreSQL text cannot hold NUL, and none of them belong in a stored
 * text), a lone UTF-16 surrogate replaced by U+FFFD (it has no UTF-8 form), and the length bounded.
 */
public final class StoredText {
  /** Ends a text that was cut; counted within the limit. */
  public static final String CUT_MARK = "…[cut]";

  private StoredText() {}

  /**
   * Every control character escaped, surrogates repaired, cut to {@code maxChars}; null stays null.
   */
  public static String of(String text, int maxChars) {
    return text == null ? null : cut(clean(text, false), maxChars);
  }

  /**
   * The text with control characters escaped (tab, line feed and carriage return kept when {@code
   * keepLineBreaks}) and lone surrogates replaced by U+FFFD.
   */
  public static String clean(String text, boolean keepLineBreaks) {
    if (isClean(text, keepLineBreaks)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        out.append('\uFFFD');
      } else if (isEscaped(c, keepLineBreaks)) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The text cut to at most {@code maxChars} characters, {@link #CUT_MARK} included, never between
   * the two halves of a surrogate pair.
   */
  public static String cut(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return text;
    }
    int keep = Math.max(0, maxChars - CUT_MARK.length());
    if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
      keep--;
    }
    return text.substring(0, keep) + CUT_MARK;
  }

  /**
   * Whether the character is a control character (Unicode category Cc: U+0000–U+001F,
   * U+007F–U+009F).
   */
  public static boolean isControl(int codePoint) {
    return Character.getType(codePoint) == Character.CONTROL;
  }

  private static boolean isEscaped(char c, boolean keepLineBreaks) {
    return isControl(c) && !(keepLineBreaks && (c == '\t' || c == '\n' || c == '\r'));
  }

  private static boolean isClean(String text, boolean keepLineBreaks) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c) || isEscaped(c, keepLineBreaks)) {
        return false;
      }
    }
    return true;
  }
}
