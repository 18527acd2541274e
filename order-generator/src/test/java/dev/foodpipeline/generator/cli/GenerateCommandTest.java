package dev.foodpipeline.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.generator.GeneratedOrder;
import dev.foodpipeline.generator.GenerationSpec;
import dev.foodpipeline.generator.OrderFactory;
import dev.foodpipeline.model.json.RawText;
import dev.foodpipeline.shell.ExitCodes;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenerateCommandTest {
  private final CliRunner cli = new CliRunner();

  @Test
  void printsTheRecordsProduceWouldSendWithoutKafka() {
    assertThat(cli.run("generate", "--count", "40", "--seed", "3", "--invalid-ratio", "0.5"))
        .isZero();

    List<GeneratedOrder> expected =
        new OrderFactory(GenerationSpec.of(3, 0.5), CliRunner.CLOCK).generate(1, 40).toList();
    List<String> lines = cli.out().lines().toList();
    assertThat(lines).hasSize(40);
    for (int i = 0; i < 40; i++) {
      assertThat(lines.get(i))
          .isEqualTo(expected.get(i).key() + "\t" + RawText.of(expected.get(i).value()));
    }
    assertThat(cli.kafka.settingsSeen).isEmpty();
  }

  @Test
  void valuesOnlyForPayloadFiles() {
    assertThat(cli.run("generate", "--count", "2", "--format", "value", "--invalid-ratio", "0"))
        .isZero();
    assertThat(cli.out().lines())
        .hasSize(2)
        .allMatch(line -> line.startsWith("{\"orderId\":\"o-42-0000000"));
  }

  @Test
  void aBadFormatOrCountIsAUsageError() {
    assertThat(cli.run("generate", "--format", "xml")).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).contains("'xml' is not key-value or value");
    assertThat(cli.run("generate", "--count", "-1")).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).startsWith("--count must be 0 or more, was -1");
    assertThat(cli.run("generate", "--hot-restaurant", "r-099", "--hot-restaurant-ratio", "0.5"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err())
        .startsWith("--hot-restaurant r-099 is not in the catalogue (r-001 to r-020)");
  }
}
