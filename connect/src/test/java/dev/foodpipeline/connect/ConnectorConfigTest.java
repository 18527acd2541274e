package dev.foodpipeline.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectorConfigTest {

  @Test
  void numbersAndBooleansBecomeStrings() {
    ConnectorConfig connector =
        ConnectorConfig.parse(
            "{\"name\":\"s\",\"config\":{\"tasks.max\":1,\"delete.enabled\":false,\"topics\":\"t\"}}",
            "s.json");

    assertThat(connector.name()).isEqualTo("s");
    assertThat(connector.config())
        .containsExactly(
            Map.entry("tasks.max", "1"),
            Map.entry("delete.enabled", "false"),
            Map.entry("topics", "t"));
  }

  @Test
  void overridesReplaceAndAddKeysWithoutTouchingTheOriginal() {
    ConnectorConfig original =
        ConnectorConfig.parse(
            "{\"name\":\"s\",\"config\":{\"connection.url\":\"jdbc:postgresql://127.0.0.1:5432/food\"}}",
            "s.json");

    ConnectorConfig changed =
        original.withOverrides(
            Map.of("connection.url", "jdbc:postgresql://postgres:5432/food", "batch.size", "1000"));

    assertThat(changed.config())
        .containsEntry("connection.url", "jdbc:postgresql://postgres:5432/food")
        .containsEntry("batch.size", "1000");
    assertThat(original.config()).containsOnlyKeys("connection.url");
  }

  @Test
  void theRestBodyCarriesTheNameInsideTheConfig() {
    ConnectorConfig connector =
        new ConnectorConfig("orders-sink", Map.of("topics", "food-orders-processed"));

    assertThat(connector.configJson())
        .isEqualTo("{\"topics\":\"food-orders-processed\",\"name\":\"orders-sink\"}");
    assertThat(connector.configWithName()).containsEntry("name", "orders-sink");
  }

  @Test
  void invalidJsonIsNamedWithItsFile() {
    assertThatThrownBy(() -> ConnectorConfig.parse("{\"name\":", "broken.json"))
        .isInstanceOf(RegistrarException.class)
        .hasMessageStartingWith("broken.json is not valid JSON");
  }

  @Test
  void aFileMustHoldAnObjectWithNameAndConfig() {
    assertThatThrownBy(() -> ConnectorConfig.parse("[]", "a.json"))
        .hasMessageContaining("must hold a JSON object");
    assertThatThrownBy(() -> ConnectorConfig.parse("{\"config\":{}}", "b.json"))
        .hasMessage("b.json has no \"name\" string");
    assertThatThrownBy(() -> ConnectorConfig.parse("{\"name\":\"x\"}", "c.json"))
        .hasMessage("c.json has no \"config\" object");
  }

  @Test
  void nestedOrNullConfigValuesAreRejected() {
    assertThatThrownBy(
            () -> ConnectorConfig.parse("{\"name\":\"x\",\"config\":{\"a\":{\"b\":1}}}", "d.json"))
        .hasMessage("d.json: config \"a\" must be a string, number or boolean");
    assertThatThrownBy(
            () -> ConnectorConfig.parse("{\"name\":\"x\",\"config\":{\"a\":null}}", "e.json"))
        .hasMessage("e.json: config \"a\" must be a string, number or boolean");
  }

  @Test
  void aMissingFileIsNamed() {
    assertThatThrownBy(() -> ConnectorConfig.read(Path.of("connectors/nope.json")))
        .hasMessageStartingWith("Couldn't read connector file connectors/nope.json");
  }
}
