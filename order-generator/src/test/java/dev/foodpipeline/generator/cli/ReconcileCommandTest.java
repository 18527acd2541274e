package dev.foodpipeline.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.generator.GeneratedOrder;
import dev.foodpipeline.generator.GenerationSpec;
import dev.foodpipeline.generator.InvalidMix;
import dev.foodpipeline.generator.OrderFactory;
import dev.foodpipeline.generator.fakes.RecordingSender;
import dev.foodpipeline.model.Notification;
import dev.foodpipeline.model.NotificationType;
import dev.foodpipeline.shell.ExitCodes;
import dev.foodpipeline.sink.DatabaseException;
import dev.foodpipeline.sink.DatabaseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconcileCommandTest {
  private final CliRunner cli = new CliRunner();

  private OrderFactory factory(long seed, double ratio) {
    return new OrderFactory(GenerationSpec.of(seed, ratio), CliRunner.CLOCK);
  }

  @Test
  void exitsZeroAndPrintsTheTableWhenTheTablesHoldTheRun() {
    cli.tables.sink(factory(1, 0.1), 1, 300);

    int exit = cli.run("reconcile", "--seed", "1", "--count", "300", "--invalid-ratio", "0.1");

    assertThat(exit).as(cli.out() + cli.err()).isZero();
    assertThat(cli.out())
        .startsWith(
            "Reconciled 300 orders of seed 1 (catalogue seed 1), sequences 1 to 300 (o-1-00000001 to o-1-00000300), with the fake tables")
        .contains("OK: PostgreSQL holds exactly what the run must have produced.");
    assertThat(cli.tables.opened)
        .containsExactly(
            new DatabaseSettings(
                "jdbc:postgresql://127.0.0.1:5432/food", "food", "food", Duration.ofSeconds(10)));
    assertThat(cli.tables.closed).isTrue();
  }

  @Test
  void exitsOneAndNamesTheOrderWhenARowIsDeleted() {
    OrderFactory factory = factory(1, 0.1);
    cli.tables.sink(factory, 1, 300);
    String deleted =
        factory
            .generate(1, 300)
            .filter(GeneratedOrder::isValid)
            .skip(10)
            .findFirst()
            .orElseThrow()
            .key();
    cli.tables.orders.removeIf(o -> o.orderId().equals(deleted));

    int exit = cli.run("reconcile", "--seed", "1", "--count", "300");

    assertThat(exit).isEqualTo(ExitCodes.PROBLEM);
    assertThat(cli.out())
        .contains("MISMATCH: 1 order id is wrong:")
        .contains(deleted + "  missing from orders");
  }

  @Test
  void theGenerationFlagsMustBeThoseOfTheRun() {
    cli.tables.sink(factory(1, 0.1), 1, 100);

    assertThat(cli.run("reconcile", "--seed", "1", "--count", "100", "--invalid-ratio", "0.2"))
        .isEqualTo(ExitCodes.PROBLEM);
    assertThat(
            cli.run("reconcile", "--seed", "1", "--count", "100", "--invalid-kinds", "empty-order"))
        .isEqualTo(ExitCodes.PROBLEM);
  }

  @Test
  void aRunFileFromProduceDescribesTheRun(@TempDir Path dir) throws Exception {
    Path runFile = dir.resolve("run.properties");
    assertThat(
            cli.run(
                "produce",
                "--count",
                "120",
                "--rate",
                "0",
                "--seed",
                "4",
                "--start-sequence",
                "50",
                "--invalid-ratio",
                "0.3",
                "--invalid-kinds",
                "price-mismatch=3,empty-order",
                "--late-ratio",
                "0.2",
                "--run-file",
                runFile.toString()))
        .isZero();
    assertThat(cli.out()).contains("run file written to " + runFile);
    assertThat(Files.readString(runFile))
        .contains("seed=4")
        .contains("count=120")
        .contains("start-sequence=50");
    GenerationSpec spec =
        GenerationSpec.of(4, 0.3)
            .withFirstSequence(50)
            .withInvalidMix(InvalidMix.parse("price-mismatch=3,empty-order"))
            .withShape(
                dev.foodpipeline.generator.OrderShape.EVEN.withLateness(
                    0.2, Duration.ofMinutes(10)));
    cli.tables.sink(new OrderFactory(spec, CliRunner.CLOCK), 50, 120);

    assertThat(cli.run("reconcile", "--run-file", runFile.toString())).as(cli.out()).isZero();
    assertThat(cli.out())
        .contains("Reconciled 120 orders of seed 4 (catalogue seed 4), sequences 50 to 169");
  }

  @Test
  void sendsKafkaNeverAcknowledgedAreNamedWhenTheyAreMissing(@TempDir Path dir) throws Exception {
    Path runFile = dir.resolve("run.properties");
    cli.kafka.sender = new RecordingSender().failing(key -> key.endsWith("7"));
    assertThat(
            cli.run(
                "produce",
                "--count",
                "100",
                "--rate",
                "0",
                "--seed",
                "4",
                "--invalid-ratio",
                "0",
                "--run-file",
                runFile.toString()))
        .isEqualTo(ExitCodes.PROBLEM);
    assertThat(Files.readString(runFile))
        .contains("unacknowledged=o-4-00000007,o-4-00000017,")
        .contains(",o-4-00000097\n");
    // The pipeline got every acknowledged record and none of the others.
    cli.tables.sink(new OrderFactory(GenerationSpec.of(4, 0), CliRunner.CLOCK), 1, 100);
    cli.tables.orders.removeIf(o -> o.orderId().endsWith("7"));
    cli.tables.items.removeIf(i -> i.orderId().endsWith("7"));

    int exit = cli.run("reconcile", "--run-file", runFile.toString());

    assertThat(exit).isEqualTo(ExitCodes.PROBLEM);
    assertThat(cli.out())
        .contains("o-4-00000007  missing from orders")
        .contains(
            "Hint: 10 of the ids above are among the 10 sends of this run that Kafka never"
                + " acknowledged");
  }

  @Test
  void aRunFileExcludesTheGenerationFlags(@TempDir Path dir) {
    Path runFile = dir.resolve("run.properties");
    assertThat(cli.run("produce", "--count", "1", "--run-file", runFile.toString())).isZero();

    assertThat(cli.run("reconcile", "--run-file", runFile.toString(), "--seed", "3"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).startsWith("--run-file holds the run's settings: leave out --seed");
  }

  @Test
  void withoutCountOrRunFileItIsAUsageError() {
    assertThat(cli.run("reconcile", "--seed", "1")).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err())
        .startsWith("Missing --count (how many orders the run sent), or give --run-file");
    assertThat(cli.tables.opened).isEmpty();
  }

  @Test
  void anUnreachableDatabaseIsOneLineAndExitFive() {
    cli.tables.unreachable =
        new DatabaseException(
            "Couldn't reach PostgreSQL at jdbc:postgresql://nowhere/food: refused", null);

    assertThat(cli.run("reconcile", "--count", "5", "--jdbc-url", "jdbc:postgresql://nowhere/food"))
        .isEqualTo(ExitCodes.DATABASE_ERROR);
    assertThat(cli.err())
        .isEqualTo(
            "Couldn't reach PostgreSQL at jdbc:postgresql://nowhere/food: refused"
                + System.lineSeparator());
  }

  @Test
  void aJdbcUrlThatIsNotPostgresIsAUsageError() {
    assertThat(cli.run("reconcile", "--count", "5", "--jdbc-url", "jdbc:mysql://x/food"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).startsWith("--jdbc-url must be a PostgreSQL JDBC URL");
  }

  @Test
  void theDatabaseSettingsComeFromTheSharedEnvironment() {
    cli.env.put("FOOD_JDBC_URL", "jdbc:postgresql://postgres:5432/food");
    cli.env.put("FOOD_DB_USER", "u");
    cli.env.put("FOOD_DB_PASSWORD", "secret");
    cli.env.put("FOOD_GENERATOR_DB_TIMEOUT", "3s");

    assertThat(cli.run("reconcile", "--count", "0")).isZero();
    assertThat(cli.tables.opened)
        .containsExactly(
            new DatabaseSettings(
                "jdbc:postgresql://postgres:5432/food", "u", "secret", Duration.ofSeconds(3)));
  }

  @Test
  void itWaitsForThePipelineToDrainWithoutRealSleeping() {
    cli.tables.sink(factory(1, 0.1), 1, 50);
    cli.tables.emptyCounts = 7;

    int exit = cli.run("reconcile", "--seed", "1", "--count", "50", "--wait", "60s");

    assertThat(exit).isZero();
    assertThat(cli.time.sleeps()).hasSize(7).allMatch(nanos -> nanos == 1_000_000_000L);
    assertThat(cli.err()).contains("[   5.0 s] waiting for the pipeline: orders 0 of");
  }

  @Test
  void itWaitsForTheNotificationsTooOnceTheRejectionsAreIn() {
    OrderFactory factory = factory(1, 0.3);
    cli.tables.sink(factory, 1, 50);
    List<Notification> told = List.copyOf(cli.tables.notifications);
    Notification rejection =
        told.stream()
            .filter(n -> n.type() == NotificationType.ORDER_REJECTED)
            .findFirst()
            .orElseThrow();
    cli.tables.notifications.remove(rejection);

    int exit =
        cli.run(
            "reconcile",
            "--seed",
            "1",
            "--count",
            "50",
            "--invalid-ratio",
            "0.3",
            "--wait",
            "4s",
            "--settle",
            "0s");

    assertThat(exit).isEqualTo(ExitCodes.PROBLEM);
    assertThat(cli.time.slept()).isEqualTo(Duration.ofSeconds(4));
    assertThat(cli.out())
        .contains("missing from notifications (ORDER_REJECTED " + rejection.notificationId() + ")");
  }

  @Test
  void withoutNotificationsARunWithoutTheServiceMatches() {
    cli.tables.sink(factory(1, 0.1), 1, 50);
    cli.tables.notifications.clear();

    assertThat(cli.run("reconcile", "--seed", "1", "--count", "50", "--wait", "60s"))
        .isEqualTo(ExitCodes.PROBLEM);
    int exit =
        cli.run("reconcile", "--seed", "1", "--count", "50", "--wait", "60s", "--no-notifications");

    assertThat(exit).isZero();
    assertThat(cli.out()).contains("OK: PostgreSQL holds exactly what the run must have produced.");
  }

  @Test
  void afterTheWaitItComparesWhatIsThere() {
    cli.tables.sink(factory(1, 0.1), 1, 50);
    cli.tables.orders.remove(0);

    int exit = cli.run("reconcile", "--seed", "1", "--count", "50", "--wait", "3s");

    assertThat(exit).isEqualTo(ExitCodes.PROBLEM);
    assertThat(cli.time.slept()).isEqualTo(Duration.ofSeconds(3));
    assertThat(cli.err())
        .contains("Waited 3 s: the tables still lack rows; comparing what is there.");
    assertThat(cli.out()).contains("missing from orders");
  }

  @Test
  void itStopsWaitingOnceNoRowHasArrivedForTheSettleTime() {
    cli.tables.sink(factory(1, 0.1), 1, 50);
    cli.tables.orders.remove(0);

    int exit = cli.run("reconcile", "--seed", "1", "--count", "50", "--wait", "120s");

    assertThat(exit).isEqualTo(ExitCodes.PROBLEM);
    assertThat(cli.time.slept()).isEqualTo(Duration.ofSeconds(30));
    assertThat(cli.err())
        .contains("No new rows for 30 s: the tables still lack rows; comparing what is there.");
  }

  @Test
  void settleZeroWaitsTheWholeWait() {
    cli.tables.sink(factory(1, 0.1), 1, 50);
    cli.tables.orders.remove(0);

    assertThat(
            cli.run("reconcile", "--seed", "1", "--count", "50", "--wait", "45s", "--settle", "0s"))
        .isEqualTo(ExitCodes.PROBLEM);
    assertThat(cli.time.slept()).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void itKeepsWaitingUntilTheSettleTimeHasPassed() {
    cli.tables.sink(factory(1, 0.1), 1, 50);
    // Empty for 20 polls (20 s), then complete: within the settle time of 25 s.
    cli.tables.emptyCounts = 20;

    assertThat(
            cli.run(
                "reconcile", "--seed", "1", "--count", "50", "--wait", "120s", "--settle", "25s"))
        .isZero();
    assertThat(cli.time.sleeps()).hasSize(20);
  }

  @Test
  void aCatalogueSeedOtherThanTheSeedIsUsedForTheExpectation() {
    OrderFactory factory =
        new OrderFactory(GenerationSpec.of(7, 0.1).withCatalogSeed(1), CliRunner.CLOCK);
    cli.tables.sink(factory, 1, 80);

    assertThat(cli.run("reconcile", "--seed", "7", "--catalog-seed", "1", "--count", "80"))
        .isZero();
    assertThat(cli.run("reconcile", "--seed", "7", "--count", "80")).isEqualTo(ExitCodes.PROBLEM);
  }

  @Test
  void helpShowsExamples() {
    assertThat(cli.run("reconcile", "--help")).isZero();
    assertThat(cli.out())
        .contains("Usage: order-generator reconcile")
        .contains("--wait=DURATION")
        .contains("--jdbc-url=URL")
        .contains("Examples:")
        .contains("order-generator reconcile --seed 1 --count 10000 --wait 120s");
  }
}
