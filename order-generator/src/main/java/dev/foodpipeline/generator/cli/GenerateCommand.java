package dev.foodpipeline.generator.cli;

import dev.foodpipeline.generator.GeneratedOrder;
import dev.foodpipeline.generator.OrderFactory;
import dev.foodpipeline.model.json.RawText;
import dev.foodpipeline.shell.ExitCodes;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code order-generator generate}: prints a run's records instead of producing them. */
@Command(
    name = "generate",
    sortOptions = false,
    description =
        "Print the records a produce run with the same flags would send, one per line, without Kafka: to look at"
            + " them, to feed another client (kcat), or as the payload file of Kafka's producer performance tool.",
    footer = {
      "",
      "Examples:",
      "  order-generator generate --count 5 --seed 1",
      "  # ten bad records of two kinds, to pipe into kcat (key and value split at the tab)",
      "  order-generator generate --count 10 --invalid-ratio 1 --invalid-kinds price-mismatch,empty-order \\",
      "    | kcat -P -b 127.0.0.1:9092 -t food-orders -K '\\t' -X partitioner=murmur2_random",
      "  # payloads for kafka-producer-perf-test --payload-file",
      "  order-generator generate --count 10000 --invalid-ratio 0 --format value > payloads.txt",
      "",
      "A record that is not UTF-8 (a malformed-json kind) is printed as base64:<bytes>, as rejected_orders.raw keeps it."
    })
final class GenerateCommand implements Callable<Integer> {
  /** What a line holds. */
  enum Format {
    /** key, a tab, value */
    KEY_VALUE,
    /** the value only */
    VALUE
  }

  @Spec CommandSpec spec;
  @ParentCommand GeneratorCommand root;
  @Mixin GenerationOptions generation;
  @Mixin ConfigFileOption config;

  @Option(
      names = "--count",
      paramLabel = "N",
      defaultValue = "10",
      description = "How many records (default: ${DEFAULT-VALUE}).")
  long count;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "key-value",
      converter = FormatConverter.class,
      description = "key-value (key, a tab, the value) or value (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    if (count < 0) {
      throw new ParameterException(spec.commandLine(), "--count must be 0 or more, was " + count);
    }
    OrderFactory factory =
        GeneratorCommand.settings(
            spec, () -> new OrderFactory(generation.spec(), root.environment().clock()));
    PrintWriter out = spec.commandLine().getOut();
    factory
        .generate(factory.spec().firstSequence(), count)
        .forEach(order -> out.println(line(order)));
    out.flush();
    return ExitCodes.OK;
  }

  private String line(GeneratedOrder order) {
    String value = RawText.of(order.value());
    return format == Format.VALUE ? value : order.key() + "\t" + value;
  }

  /** {@code key-value} or {@code value}, any case. */
  static final class FormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      try {
        return Format.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("'" + value + "' is not key-value or value");
      }
    }
  }
}
