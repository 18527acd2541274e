package dev.foodpipeline.streams.topology;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of {@code food-orders} records a hostile or broken producer could write: random
 * bytes, valid orders of the Test Kitchen with up to three fields replaced by hostile JSON (huge
 * and tiny numbers, control characters raw and escaped, lone surrogates, unicode, wrong types, deep
 * nesting), cut-off and byte-corrupted orders, duplicate JSON keys, and keys from none to 400 KB of
 * invalid UTF-8.
 */
final class HostileInputs {
  /** The places a mutation can put a hostile value, as paths into the order's JSON tree. */
  private static final List<String> PATHS =
      List.of(
          "orderId",
          "customerId",
          "restaurantId",
          "items",
          "items/0",
          "items/0/menuItemId",
          "items/0/quantity",
          "items/0/unitPrice",
          "deliveryAddress",
          "deliveryAddress/street",
          "deliveryAddress/city",
          "deliveryAddress/postalCode",
          "createdAt",
          "note");

  private static final List<String> NUMBERS =
      List.of(
          "1e999999999",
          "-1e999999999",
          "1e-999999999",
          "1E+2147483647",
          "0",
          "-0",
          "0.0",
          "7.50",
          "7.5000",
          "7.501",
          "-7.50",
          "999999.99",
          "1000000",
          "2147483648",
          "-2147483649",
          "99999999999999999999999999",
          "1" + "0".repeat(999),
          "0." + "0".repeat(990) + "1",
          "1.0e1",
          "NaN",
          "Infinity",
          "01");

  private static final List<String> LITERALS =
      List.of("null", "true", "false", "[]", "{}", "[1,2]", "{\"a\":1}", "\"\"", "\" \"");

  private HostileInputs() {}

  /** A record: a key (null, text or raw bytes) and a value. */
  record Input(byte[] key, byte[] value) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "key %s, value %s",
          key == null ? "null" : key.length + " bytes",
          value == null ? "null" : preview(value));
    }

    private static String preview(byte[] value) {
      String text = new String(value, StandardCharsets.UTF_8);
      return value.length
          + " bytes: "
          + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }
  }

  static Arbitrary<Input> inputs() {
    return Combinators.combine(keys(), values()).as(Input::new);
  }

  static Arbitrary<byte[]> keys() {
    return Arbitraries.frequencyOf(
            Tuple.of(40, validIds().map(HostileInputs::utf8)),
            Tuple.of(10, Arbitraries.strings().all().ofMaxLength(100).map(HostileInputs::utf8)),
            Tuple.of(10, Arbitraries.bytes().array(byte[].class).ofMaxSize(200)),
            Tuple.of(2, hugeKeys()))
        .injectNull(0.1);
  }

  static Arbitrary<byte[]> values() {
    return Arbitraries.frequencyOf(
            Tuple.of(10, Arbitraries.bytes().array(byte[].class).ofMaxSize(2000)),
            Tuple.of(15, unicodeOrders()),
            Tuple.of(40, mutatedOrders()),
            Tuple.of(8, truncatedOrders()),
            Tuple.of(8, corruptedOrders()),
            Tuple.of(5, duplicateKeyOrders()),
            Tuple.of(4, nested().map(HostileInputs::utf8)))
        .injectNull(0.01);
  }

  /** Valid ids, without jqwik's edge cases (which would make most orders duplicates). */
  private static Arbitrary<String> orderIds() {
    return validIds().withoutEdgeCases();
  }

  /** 1 to 64 characters of the id alphabet. */
  static Arbitrary<String> validIds() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withCharRange('A', 'Z')
        .withCharRange('0', '9')
        .withChars("-_.:")
        .ofMinLength(1)
        .ofMaxLength(64);
  }

  /** 100 to 400 KB of invalid UTF-8 or of control characters. */
  private static Arbitrary<byte[]> hugeKeys() {
    return Combinators.combine(
            Arbitraries.integers().between(100_000, 400_000),
            Arbitraries.of((byte) 0xFF, (byte) 0xC3, (byte) 0x00, (byte) 0x01, (byte) 0x1B))
        .as(
            (size, fill) -> {
              byte[] key = new byte[size];
              Arrays.fill(key, fill);
              return key;
            });
  }

  /**
   * Orders whose ids are random valid ids and whose address texts are random unicode, now and then
   * a little longer than their limit.
   */
  private static Arbitrary<byte[]> unicodeOrders() {
    return Combinators.combine(orderIds(), validIds(), text(210), text(105), text(22))
        .as(
            (orderId, customerId, street, city, postalCode) -> {
              ObjectNode tree = baseTree(orderId);
              tree.put("customerId", customerId);
              ObjectNode address = (ObjectNode) tree.get("deliveryAddress");
              address.put("street", street);
              address.put("city", city);
              address.put("postalCode", postalCode);
              return Json.toBytes(tree);
            });
  }

  /** A letter, then up to {@code maxChars - 1} characters of any script (no control character). */
  private static Arbitrary<String> text(int maxChars) {
    return Arbitraries.strings()
        .withCharRange(' ', '~')
        .withCharRange('\u00a0', '\ud7ff')
        .withCharRange('\ue000', '\ufffd')
        .ofMaxLength(maxChars - 1)
        .map(text -> "A" + text);
  }

  /** A valid order with one to three fields replaced by hostile JSON. */
  private static Arbitrary<byte[]> mutatedOrders() {
    Arbitrary<List<Tuple.Tuple2<String, String>>> mutations =
        Combinators.combine(Arbitraries.of(PATHS), hostileJson())
            .as(Tuple::of)
            .list()
            .ofMinSize(1)
            .ofMaxSize(3);
    return Combinators.combine(orderIds(), mutations)
        .as(
            (orderId, edits) -> {
              ObjectNode tree = baseTree(orderId);
              List<String> holes = new ArrayList<>();
              for (Tuple.Tuple2<String, String> edit : edits) {
                String hole = "@@hole-" + holes.size() + "@@";
                if (put(tree, edit.get1(), hole)) {
                  holes.add(edit.get2());
                }
              }
              // Hostile numbers go in as text: no BigDecimal of 1e999999999 is ever formatted.
              String json = new String(Json.toBytes(tree), StandardCharsets.UTF_8);
              for (int i = 0; i < holes.size(); i++) {
                json = json.replace("\"@@hole-" + i + "@@\"", holes.get(i));
              }
              return utf8(json);
            });
  }

  private static Arbitrary<byte[]> truncatedOrders() {
    return Combinators.combine(orderIds(), Arbitraries.doubles().between(0, 1))
        .as(
            (orderId, share) -> {
              byte[] json = Json.toBytes(baseTree(orderId));
              return Arrays.copyOf(json, (int) (json.length * share));
            });
  }

  private static Arbitrary<byte[]> corruptedOrders() {
    Arbitrary<List<Tuple.Tuple2<Double, Byte>>> flips =
        Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.bytes())
            .as(Tuple::of)
            .list()
            .ofMinSize(1)
            .ofMaxSize(5);
    return Combinators.combine(orderIds(), flips)
        .as(
            (orderId, changes) -> {
              byte[] json = Json.toBytes(baseTree(orderId));
              for (Tuple.Tuple2<Double, Byte> change : changes) {
                json[(int) (change.get1() * (json.length - 1))] = change.get2();
              }
              return json;
            });
  }

  /** The same field twice, with another value or another type in front. */
  private static Arbitrary<byte[]> duplicateKeyOrders() {
    return Combinators.combine(orderIds(), Arbitraries.of(PATHS.subList(0, 4)), hostileJson())
        .as(
            (orderId, field, value) -> {
              String json = new String(Json.toBytes(baseTree(orderId)), StandardCharsets.UTF_8);
              return utf8("{\"" + field + "\":" + value + "," + json.substring(1));
            });
  }

  private static Arbitrary<String> hostileJson() {
    return Arbitraries.frequencyOf(
        Tuple.of(20, Arbitraries.of(NUMBERS)),
        Tuple.of(5, Arbitraries.bigDecimals().map(Object::toString)),
        Tuple.of(5, Arbitraries.of(LITERALS)),
        Tuple.of(20, Arbitraries.strings().all().ofMaxLength(80).map(s -> jsonString(s, true))),
        Tuple.of(10, Arbitraries.strings().all().ofMaxLength(80).map(s -> jsonString(s, false))),
        Tuple.of(
            10,
            Arbitraries.strings()
                .withCharRange('\u0000', '\u001f')
                .withCharRange('\u007f', '\u009f')
                .ofMinLength(1)
                .ofMaxLength(5)
                .map(s -> jsonString("c-" + s, true))),
        Tuple.of(
            5,
            Arbitraries.integers().between(60, 80_000).map(n -> jsonString("x".repeat(n), true))),
        Tuple.of(10, validIds().map(s -> jsonString(s, true))),
        Tuple.of(5, nested()));
  }

  /** Arrays or objects nested 1 to 3,000 deep (Jackson's limit is 1,000). */
  private static Arbitrary<String> nested() {
    return Combinators.combine(Arbitraries.integers().between(1, 3000), Arbitraries.of(true, false))
        .as(
            (depth, arrays) ->
                arrays
                    ? "[".repeat(depth) + "]".repeat(depth)
                    : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
  }

  /**
   * A JSON string of {@code text}: with every character outside printable ASCII escaped as {@code
   * \}{@code uXXXX} (so lone surrogates and NUL reach the parser as escapes), or written raw except
   * the quote and backslash (so control characters are raw, which JSON does not allow).
   */
  private static String jsonString(String text, boolean escapeAll) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (escapeAll && (c < ' ' || c > '~')) {
        json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    return json.append('"').toString();
  }

  private static ObjectNode baseTree(String orderId) {
    Order order =
        OrderFixtures.testKitchenOrder(
            orderId,
            OrderFixtures.line("r-900-m01", 2, "12.50"),
            OrderFixtures.line("r-900-m03", 1, "7.50"));
    return Json.mapper().valueToTree(order);
  }

  /** Puts {@code value} as text at {@code path}; false when the path is not there. */
  private static boolean put(ObjectNode tree, String path, String value) {
    JsonPointer pointer = JsonPointer.compile("/" + path);
    JsonNode parent = tree.at(pointer.head());
    String last = pointer.last().getMatchingProperty();
    if (parent instanceof ObjectNode object) {
      object.put(last, value);
      return true;
    }
    int index = pointer.last().getMatchingIndex();
    if (parent instanceof ArrayNode array && index >= 0 && index < array.size()) {
      array.set(index, TextNode.valueOf(value));
      return true;
    }
    return false;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
