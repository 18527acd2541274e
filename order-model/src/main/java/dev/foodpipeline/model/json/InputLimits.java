package dev.foodpipeline.model.json;

import dev.foodpipeline.model.StoredText;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The bounds on the values of an order, checked at the door by {@link OrderReader} (a value outside
 * them is an {@code INVALID_VALUE} rejection). They keep every stored text storable in PostgreSQL
 * and every output record small, whatever a producer writes:
 *
 * <ul>
 *   <li>ids (order, customer, restaurant, menu item, and the record key): 1 to {@value
 *       #MAX_ID_CHARS} characters of {@code A-Z a-z 0-9 - _ . :} (ASCII, so far below PostgreSQL's
 *       btree limit for a primary key of about 2.7 KB, and safe in a URL and a log line);
 *   <li>the address texts: any Unicode but no control character (U+0000–U+001F, U+007F–U+009F) nor
 *       lone surrogate, at most {@value #MAX_STREET_CHARS} (street), {@value #MAX_CITY_CHARS}
 *       (city) and {@value #MAX_POSTAL_CODE_CHARS} (postal code) characters;
 *   <li>a unit price: at most {@value #MAX_PRICE_INTEGER_DIGITS} digits before the decimal point
 *       and {@value #MAX_PRICE_DECIMALS} after it, trailing zeros not counted (so that totals fit
 *       {@code numeric(12,2)} and no arithmetic or formatting meets a number like {@code
 *       1e999999999});
 *   <li>a quantity: a 32-bit integer (its range, 1 to 20, is a rule: {@code BAD_QUANTITY}).
 * </ul>
 */
public final class InputLimits {
  public static final int MAX_ID_CHARS = 64;
  public static final int MAX_STREET_CHARS = 200;
  public static final int MAX_CITY_CHARS = 100;
  public static final int MAX_POSTAL_CODE_CHARS = 20;
  public static final int MAX_PRICE_INTEGER_DIGITS = 6;
  public static final int MAX_PRICE_DECIMALS = 2;

  /** How much of an offending value a reason quotes. */
  private static final int QUOTED_CHARS = 80;

  private InputLimits() {}

  /** Whether {@code id} is a valid id: 1 to 64 characters of {@code A-Z a-z 0-9 - _ . :}. */
  public static boolean isValidId(String id) {
    if (id == null || id.isEmpty() || id.length() > MAX_ID_CHARS) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      if (!isIdChar(id.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code id} when it is a valid id, else null. */
  public static String validIdOrNull(String id) {
    return isValidId(id) ? id : null;
  }

  /** Why the id at {@code path} is not a valid id, if it is not. */
  public static Optional<String> idProblem(String path, String id) {
    if (isValidId(id)) {
      return Optional.empty();
    }
    if (id.isEmpty()) {
      return Optional.of(path + " is empty");
    }
    if (id.length() > MAX_ID_CHARS) {
      return Optional.of(
          path + " is " + id.length() + " characters long, more than the limit of " + MAX_ID_CHARS);
    }
    return Optional.of(
        path
            + " \""
            + quote(id)
            + "\" holds a character outside A-Z a-z 0-9 - _ . : (ids are 1 to "
            + MAX_ID_CHARS
            + " of those)");
  }

  /** Why the text at {@code path} is not storable, if it is not. */
  public static Optional<String> textProblem(String path, String text, int maxChars) {
    int chars = text.codePointCount(0, text.length());
    if (chars > maxChars) {
      return Optional.of(
          path + " is " + chars + " characters long, more than the limit of " + maxChars);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (StoredText.isControl(c)) {
        return Optional.of(
            String.format(
                java.util.Locale.ROOT, "%s holds the control character U+%04X", path, (int) c));
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return Optional.of(path + " holds a lone UTF-16 surrogate (not a character)");
      }
    }
    return Optional.empty();
  }

  /** Why the unit price at {@code path} has too many digits, if it has. */
  public static Optional<String> priceProblem(String path, BigDecimal price) {
    // precision() and scale() are cheap whatever the exponent; toPlainString() is not.
    BigDecimal stripped = price.stripTrailingZeros();
    long decimals = stripped.scale();
    long integerDigits = (long) stripped.precision() - stripped.scale();
    if (decimals > MAX_PRICE_DECIMALS || integerDigits > MAX_PRICE_INTEGER_DIGITS) {
      return Optional.of(
          path
              + " "
              + quote(price.toString())
              + " has more than "
              + MAX_PRICE_INTEGER_DIGITS
              + " digits before the decimal point or "
              + MAX_PRICE_DECIMALS
              + " after it");
    }
    return Optional.empty();
  }

  private static boolean isIdChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '.'
        || c == ':';
  }

  private static String quote(String text) {
    return StoredText.of(text, QUOTED_CHARS);
  }
}
