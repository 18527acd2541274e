package dev.foodpipeline.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InstantsTest {
  /** The texts Instants must read exactly as Instant.parse does: right or wrong alike. */
  private static final List<String> SEEDS =
      List.of(
          "2026-03-01T12:00:00Z",
          "2026-03-01T12:00:00.1Z",
          "2026-03-01T12:00:00.123Z",
          "2026-03-01T12:00:00.123456Z",
          "2026-03-01T12:00:00.123456789Z",
          "2024-02-29T23:59:59.999Z",
          "1970-01-01T00:00:00Z",
          "0001-01-01T00:00:00Z",
          "9999-12-31T23:59:59.999999999Z");

  /** What a hostile or careless producer might put in any place of a timestamp. */
  private static final String ALPHABET = "0123456789-:.,TtZz +x\u0661";

  @Test
  void readsTheContractsTimestamps() {
    assertThat(Instants.parse("2026-03-01T12:00:00.123Z"))
        .isEqualTo(Instant.ofEpochMilli(1_772_366_400_123L));
    assertThat(Instants.parse("2026-03-01T12:00:00Z"))
        .isEqualTo(Instant.ofEpochSecond(1_772_366_400L));
    assertThat(Instants.parse("2026-03-01T12:00:00.000000001Z"))
        .isEqualTo(Instant.ofEpochSecond(1_772_366_400L, 1));
  }

  @Test
  void readsWhatInstantWritesForAnyInstant() {
    Random random = new Random(15);
    for (int i = 0; i < 20_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(
              random.nextLong() % 253_402_300_799L, random.nextInt(1_000_000_000));
      if (i % 3 == 0) {
        instant = Instant.ofEpochMilli(instant.toEpochMilli());
      }
      assertThat(Instants.parse(instant.toString())).as(instant.toString()).isEqualTo(instant);
    }
  }

  @Test
  void agreesWithInstantParseOnEveryTextOneEditAway() {
    Set<String> texts = new LinkedHashSet<>(SEEDS);
    texts.addAll(List.of("2026-03-01T24:00:00Z", "2026-06-30T23:59:60Z", "2026-03-01T12:00:00.Z"));
    for (String seed : SEEDS) {
      for (int at = 0; at <= seed.length(); at++) {
        if (at < seed.length()) {
          texts.add(seed.substring(0, at) + seed.substring(at + 1));
        }
        for (char c : ALPHABET.toCharArray()) {
          texts.add(seed.substring(0, at) + c + seed.substring(at));
          if (at < seed.length()) {
            texts.add(seed.substring(0, at) + c + seed.substring(at + 1));
          }
        }
      }
    }
    List<String> disagreements = new ArrayList<>();
    for (String text : texts) {
      Object expected = outcome(() -> Instant.parse(text));
      Object actual = outcome(() -> Instants.parse(text));
      if (!Objects.equals(expected, actual)) {
        disagreements.add(text + ": Instant.parse " + expected + ", Instants " + actual);
      }
    }
    assertThat(texts).hasSizeGreaterThan(5_000);
    assertThat(disagreements).isEmpty();
  }

  @Test
  void refusesAsInstantParseDoesWithItsMessage() {
    Throwable expected = catchThrowable(() -> Instant.parse("2026-02-30T12:00:00Z"));
    assertThatThrownBy(() -> Instants.parse("2026-02-30T12:00:00Z"))
        .isInstanceOf(DateTimeParseException.class)
        .hasMessage(expected.getMessage());
  }

  @Test
  void theMapperReadsInstantsAsJavaTimeModuleDid() throws Exception {
    ObjectMapper javaTime = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    for (String json :
        List.of(
            "\"2026-03-01T12:00:00.123Z\"",
            "\"2026-03-01T24:00:00Z\"",
            "\"2026-03-01T12:00:00+01:00\"",
            "\" 2026-03-01T12:00:00Z \"",
            "1772366400.5",
            "1772366400",
            "\"\"",
            "null")) {
      assertThat(Json.mapper().readValue(json, Instant.class))
          .as(json)
          .isEqualTo(javaTime.readValue(json, Instant.class));
    }
    assertThatThrownBy(() -> Json.mapper().readValue("\"2026-02-30T12:00:00Z\"", Instant.class))
        .isInstanceOf(InvalidFormatException.class)
        .hasMessageContaining("2026-02-30T12:00:00Z");
  }

  /** The instant, or the kind of error and its message. */
  private static Object outcome(java.util.function.Supplier<Instant> parse) {
    try {
      return parse.get();
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }
}
