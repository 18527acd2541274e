package dev.foodpipeline.generator.cli;

import dev.foodpipeline.generator.OrderFactory;
import dev.foodpipeline.generator.RunFile;
import dev.foodpipeline.generator.producer.Durations;
import dev.foodpipeline.generator.producer.StopSignal;
import dev.foodpipeline.generator.reconcile.OrderIdRange;
import dev.foodpipeline.generator.reconcile.ReconcileReport;
import dev.foodpipeline.generator.reconcile.Reconciler;
import dev.foodpipeline.shell.ExitCodes;
import dev.foodpipeline.sink.SinkTables;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code order-generator reconcile}: recomputes what a run must have produced and compares it with
 * PostgreSQL, optionally waiting for the pipeline to drain first.
 */
@Command(
    name = "reconcile",
    sortOptions = false,
    description =
        "Check that PostgreSQL holds exactly what a produce run must have produced: recompute every record of the run"
            + " (from the same flags as produce, or its --run-file), then compare with the orders, order_items,"
            + " rejected_orders and notifications rows of the run's order ids: missing rows, unexpected rows,"
            + " duplicates, wrong values, wrong reason codes, customers not told or told twice. Prints a table either"
            + " way and names the first offending order ids.",
    footer = {
      "",
      "Examples:",
      "  order-generator produce --count 10000 --invalid-ratio 0.1 --seed 1",
      "  order-generator reconcile --seed 1 --count 10000 --wait 120s",
      "  # from the run file produce wrote, against another database",
      "  order-generator reconcile --run-file run-1.properties --jdbc-url jdbc:postgresql://db:5432/food",
      "",
      "Give reconcile the same generation flags as produce (--seed, --start-sequence, --invalid-ratio,",
      "--invalid-kinds, --catalog-seed, --hot-restaurant*; the lateness flags only matter with a run file).",
      "created_at is checked only with a run file (it records the run's clock window).",
      "Every accepted order must have told its customer (ORDER_CONFIRMED) and every rejection with a customer",
      "(ORDER_REJECTED): leave that out with --no-notifications where no notification service runs.",
      "Exit codes: 0 everything matches, 1 something differs, 2 bad usage, 5 database unreachable or failing, 70 bug."
    })
final class ReconcileCommand implements Callable<Integer> {
  static final Duration POLL = Duration.ofSeconds(1);
  static final Duration WAIT_PROGRESS = Duration.ofSeconds(5);

  @Spec CommandSpec spec;
  @ParentCommand GeneratorCommand root;
  @Mixin GenerationOptions generation;
  @Mixin DatabaseOptions database;
  @Mixin ConfigFileOption config;

  @Option(
      names = "--count",
      paramLabel = "N",
      description = "How many orders the run sent (required without --run-file).")
  Long count;

  @Option(
      names = "--run-file",
      paramLabel = "FILE",
      description =
          "The file 'produce --run-file' wrote: the run's settings, instead of the generation flags.")
  Path runFile;

  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      defaultValue = "0s",
      converter = DurationConverter.class,
      description =
          "Poll until every table has the run's row count, for at most this long, then compare (default: ${DEFAULT-VALUE}).")
  Duration wait;

  @Option(
      names = "--settle",
      paramLabel = "DURATION",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description =
          "While waiting, stop early once no table has gained a row for this long: the pipeline has drained, or is stuck;"
              + " 0s waits the whole --wait (default: ${DEFAULT-VALUE}).")
  Duration settle;

  @Option(
      names = "--show",
      paramLabel = "N",
      defaultValue = "20",
      description = "Name at most N offending order ids (default: ${DEFAULT-VALUE}).")
  int show;

  @Option(
      names = "--no-notifications",
      description =
          "Do not check the notifications table (for a pipeline without the notification service).")
  boolean noNotifications;

  @Override
  public Integer call() throws InterruptedException {
    ReconcileSettings settings = GeneratorCommand.settings(spec, this::settings);
    GeneratorEnvironment environment = root.environment();
    OrderFactory factory =
        GeneratorCommand.settings(
            spec, () -> new OrderFactory(settings.generation(), environment.clock()));
    OrderIdRange range = settings.range();
    try (SinkTables tables = environment.database().apply(settings.database())) {
      Reconciler reconciler =
          new Reconciler(
              factory,
              range,
              tables,
              settings.window(),
              Reconciler.DEFAULT_CHUNK_SIZE,
              !noNotifications);
      if (!settings.drainWait().isZero()) {
        awaitRows(reconciler, settings.drainWait(), settings.settle(), environment);
      }
      ReconcileReport report =
          reconciler.reconcile(describe(settings, range, tables), settings.show());
      PrintWriter out = spec.commandLine().getOut();
      out.print(report.format());
      out.print(report.unacknowledgedHint(settings.unacknowledged()));
      out.flush();
      return report.matches() ? ExitCodes.OK : ExitCodes.PROBLEM;
    }
  }

  private ReconcileSettings settings() {
    if (runFile != null) {
      for (String flag : withRunFile()) {
        if (spec.commandLine().getParseResult().hasMatchedOption(flag)) {
          throw new IllegalArgumentException(
              "--run-file holds the run's settings: leave out " + flag);
        }
      }
      return ReconcileSettings.of(RunFile.read(runFile), database.settings(), wait, settle, show);
    }
    if (count == null) {
      throw new IllegalArgumentException(
          "Missing --count (how many orders the run sent), or give --run-file");
    }
    return new ReconcileSettings(
        generation.spec(), count, null, database.settings(), wait, settle, show, List.of());
  }

  private static List<String> withRunFile() {
    List<String> flags = new ArrayList<>(GenerationOptions.NAMES);
    flags.add("--count");
    return flags;
  }

  /** Polls the row counts until they reach the expected ones or the wait is over. */
  private void awaitRows(
      Reconciler reconciler, Duration wait, Duration settle, GeneratorEnvironment environment)
      throws InterruptedException {
    SinkTables.Counts expected = reconciler.expectedCounts();
    ProgressLine line =
        new ProgressLine(spec.commandLine().getErr(), environment.terminal(), WAIT_PROGRESS);
    long start = environment.ticker().nanoTime();
    long deadline = start + wait.toNanos();
    SinkTables.Counts previous = null;
    long lastChange = start;
    // The ORDER_REJECTED notifications follow from the rejections as stored: counted once all are
    // in.
    boolean rejectionsCounted = !reconciler.checksNotifications();
    StopSignal stop = new StopSignal();
    try {
      while (true) {
        SinkTables.Counts found = reconciler.foundCounts();
        if (found.orders() >= expected.orders()
            && found.items() >= expected.items()
            && found.rejections() >= expected.rejections()) {
          if (!rejectionsCounted) {
            expected =
                expected.withNotifications(
                    expected.notifications() + reconciler.rejectionsToNotify());
            rejectionsCounted = true;
          }
          if (found.notifications() >= expected.notifications()) {
            return;
          }
        }
        long now = environment.ticker().nanoTime();
        if (!found.equals(previous)) {
          previous = found;
          lastChange = now;
        }
        if (now - deadline >= 0) {
          stopWaiting(
              line,
              "Waited "
                  + Durations.format(wait)
                  + ": the tables still lack rows; comparing what is there.");
          return;
        }
        if (!settle.isZero() && now - lastChange >= settle.toNanos()) {
          stopWaiting(
              line,
              "No new rows for "
                  + Durations.format(settle)
                  + ": the tables still lack rows; comparing what is there.");
          return;
        }
        line.show(
            Duration.ofNanos(now - start),
            String.format(
                    Locale.ROOT,
                    "waiting for the pipeline: orders %d of %d, order_items %d of %d, rejected_orders %d of %d",
                    found.orders(),
                    expected.orders(),
                    found.items(),
                    expected.items(),
                    found.rejections(),
                    expected.rejections())
                + (reconciler.checksNotifications()
                    ? String.format(
                        Locale.ROOT,
                        ", notifications %d of %s",
                        found.notifications(),
                        rejectionsCounted
                            ? Long.toString(expected.notifications())
                            : "at least " + expected.notifications())
                    : ""));
        environment.sleeper().sleep(Math.min(POLL.toNanos(), deadline - now), stop);
      }
    } finally {
      line.finish();
    }
  }

  private void stopWaiting(ProgressLine line, String message) {
    line.finish();
    spec.commandLine().getErr().println(message);
    spec.commandLine().getErr().flush();
  }

  private static String describe(
      ReconcileSettings settings, OrderIdRange range, SinkTables tables) {
    return String.format(
        Locale.ROOT,
        "Reconciled %d orders of seed %d (catalogue seed %d), sequences %d to %d (%s), with %s",
        settings.count(),
        settings.generation().seed(),
        settings.generation().catalogSeed(),
        range.first(),
        range.last(),
        range,
        tables.describe());
  }
}
