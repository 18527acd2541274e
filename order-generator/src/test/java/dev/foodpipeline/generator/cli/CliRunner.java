package dev.foodpipeline.generator.cli;

import dev.foodpipeline.generator.fakes.FakeKafka;
import dev.foodpipeline.generator.fakes.FakeSinkTables;
import dev.foodpipeline.generator.fakes.FakeTime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code order-generator} in-process against fakes and keeps what it printed. */
final class CliRunner {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);

  final FakeKafka kafka = new FakeKafka();
  final FakeTime time = new FakeTime();
  final Map<String, String> env = new HashMap<>();
  final FakeSinkTables tables = new FakeSinkTables();
  boolean terminal;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  GeneratorEnvironment environment() {
    return new GeneratorEnvironment(CLOCK, time, time, kafka, env, terminal, tables::open);
  }

  int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine command = GeneratorCommand.newCommandLine(environment());
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }
}
