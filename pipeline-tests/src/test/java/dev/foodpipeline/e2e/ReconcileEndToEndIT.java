package dev.foodpipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.e2e.Pipeline.GeneratorRun;
import dev.foodpipeline.generator.GeneratedOrder;
import dev.foodpipeline.generator.InvalidKind;
import dev.foodpipeline.generator.InvalidMix;
import dev.foodpipeline.generator.OrderFactory;
import dev.foodpipeline.generator.RunFile;
import dev.foodpipeline.model.sink.OrdersTable;
import dev.foodpipeline.model.sink.SinkTable;
import dev.foodpipeline.shell.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The generator's own check of the pipeline, on real components: a seeded run with every invalid
 * kind (the default mix, copies of earlier orders included) goes through Kafka, the Streams app and
 * the JDBC sink, and {@code reconcile} finds PostgreSQL holding exactly what it must (exit 0: every
 * kind rejected with its reason, every valid order with its values). Then rows are tampered with on
 * purpose, and reconcile fails naming each tampered order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReconcileEndToEndIT {
  /**
   * The orders' own seed; their catalogue is the one the pipeline published ({@link
   * Pipeline#SEED}).
   */
  private static final long SEED = 77;

  private static final int COUNT = 300;

  private static Pipeline pipeline;
  private static Database db;
  private static Path runFile;

  @BeforeAll
  static void startPipelineAndProduce() throws Exception {
    pipeline = Pipeline.start();
    db = pipeline.database();
    runFile = Files.createTempDirectory("reconcile-e2e").resolve("run.properties");
    GeneratorRun produce =
        pipeline.produce(
            "--count",
            Integer.toString(COUNT),
            "--seed",
            Long.toString(SEED),
            "--catalog-seed",
            Long.toString(Pipeline.SEED),
            "--invalid-ratio",
            "0.35",
            "--hot-restaurant-ratio",
            "0.3",
            "--late-ratio",
            "0.2",
            "--max-lateness",
            "2h",
            "--run-file",
            runFile.toString());
    assertThat(produce.exit()).as(produce.output()).isZero();
  }

  @AfterAll
  static void stopPipeline() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  private static GeneratorRun reconcile(String... extra) {
    List<String> args = new ArrayList<>(List.of("--run-file", runFile.toString()));
    args.addAll(List.of(extra));
    return pipeline.reconcile(args.toArray(String[]::new));
  }

  private static List<GeneratedOrder> run() {
    OrderFactory factory = new OrderFactory(RunFile.read(runFile).spec(), Clock.systemUTC());
    return factory.generate(1, COUNT).toList();
  }

  @Test
  @Order(1)
  void everyInvalidKindIsRejectedWithItsReasonAndEveryValidOrderLandsWithItsValues() {
    Set<InvalidKind> kinds =
        run().stream()
            .flatMap(g -> g.invalidKind().stream())
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(InvalidKind.class)));
    assertThat(kinds)
        .as("the run holds every kind of the default mix")
        .containsExactlyInAnyOrderElementsOf(InvalidMix.DEFAULT.kinds());

    GeneratorRun result = reconcile("--wait", "120s");

    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("OK: PostgreSQL holds exactly what the run must have produced.");
    for (InvalidKind kind : kinds) {
      long expected =
          run().stream()
              .filter(g -> g.expectedReason().orElse(null) == kind.expectedReason())
              .count();
      assertThat(result.output())
          .as("%s rejected as %s", kind, kind.expectedReason())
          .containsPattern(
              Pattern.compile(
                  "  "
                      + kind.expectedReason()
                      + "\\s+"
                      + expected
                      + "\\s+"
                      + expected
                      + "\\s+0\\s+0"));
    }
  }

  @Test
  @Order(2)
  void aDeletedRowADuplicatedOrderAChangedTotalAndARejectedOrderInOrdersAreEachNamed() {
    // Orders no duplicate copies, and a rejection that carries an id of its own, so that each
    // tampering makes exactly one finding.
    Set<String> copied =
        run().stream()
            .filter(g -> g.invalidKind().orElse(null) == InvalidKind.DUPLICATE_ORDER_ID)
            .map(GeneratedOrder::key)
            .collect(Collectors.toSet());
    List<GeneratedOrder> valid =
        run().stream()
            .filter(GeneratedOrder::isValid)
            .filter(g -> !copied.contains(g.key()))
            .toList();
    String deleted = valid.get(5).key();
    String duplicated = valid.get(10).key();
    String changed = valid.get(15).key();
    String rejected =
        run().stream()
            .filter(g -> !g.isValid() && !copied.contains(g.key()))
            .findFirst()
            .orElseThrow()
            .key();
    assertThat(db.execute("DELETE FROM orders WHERE order_id = '" + deleted + "'")).isOne();
    assertThat(
            db.execute(
                "INSERT INTO rejected_orders (source_topic, source_partition, source_offset, order_id, reason_code, reason)"
                    + " VALUES ('food-orders', 0, 900000000, '"
                    + duplicated
                    + "', 'PRICE_MISMATCH', 'tampered')"))
        .isOne();
    assertThat(
            db.execute("UPDATE orders SET total = total + 0.01 WHERE order_id = '" + changed + "'"))
        .isOne();
    assertThat(
            db.execute(
                "INSERT INTO orders SELECT '"
                    + rejected
                    + "', "
                    // every column after order_id, the first
                    + String.join(
                        ", ",
                        OrdersTable.TABLE
                            .columnNames()
                            .subList(1, OrdersTable.TABLE.columns().size()))
                    + ", "
                    + SinkTable.WRITTEN_AT
                    + " FROM orders WHERE order_id = '"
                    + valid.get(20).key()
                    + "'"))
        .isOne();

    GeneratorRun result = reconcile();

    assertThat(result.exit()).as(result.output()).isEqualTo(ExitCodes.PROBLEM);
    assertThat(result.output())
        .contains("MISMATCH: 4 order ids are wrong:")
        .contains(deleted + "  missing from orders")
        .contains(
            duplicated
                + "  in rejected_orders as PRICE_MISMATCH (at 0@900000000), but it is a valid order")
        .contains(changed + "  orders.total is ")
        .contains(rejected + "  in orders, but must be rejected as ")
        .containsPattern("order ids with duplicates\\s+2");
  }
}
