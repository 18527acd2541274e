package dev.foodpipeline.generator.cli;

import dev.foodpipeline.generator.GenerationSpec;
import dev.foodpipeline.generator.RunFile;
import dev.foodpipeline.generator.reconcile.OrderIdRange;
import dev.foodpipeline.generator.reconcile.Reconciler.RunWindow;
import dev.foodpipeline.sink.DatabaseSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The configuration of a {@code reconcile}: which run (from flags or a run file), which database,
 * how long to wait for the pipeline to drain, how many offending ids to name.
 *
 * @param generation what the run's records are a function of
 * @param count how many records the run sent
 * @param window the run's wall-clock window, or null when not known
 * @param database how to reach PostgreSQL
 * @param drainWait how long to wait for every expected row; zero for not at all
 * @param settle stop waiting once no row has arrived for this long; zero for never
 * @param show how many offending order ids to name
 * @param unacknowledged the order ids of the run's failed sends, from its run file (else empty)
 */
public record ReconcileSettings(
    GenerationSpec generation,
    long count,
    RunWindow window,
    DatabaseSettings database,
    Duration drainWait,
    Duration settle,
    int show,
    List<String> unacknowledged) {

  public ReconcileSettings {
    unacknowledged = List.copyOf(unacknowledged);
    Objects.requireNonNull(generation, "generation");
    Objects.requireNonNull(database, "database");
    if (count < 0) {
      throw new IllegalArgumentException("--count must be 0 or more, was " + count);
    }
    if (drainWait.isNegative()) {
      throw new IllegalArgumentException("--wait must be 0 or more, was " + drainWait);
    }
    if (settle.isNegative()) {
      throw new IllegalArgumentException("--settle must be 0 or more, was " + settle);
    }
    if (show < 0) {
      throw new IllegalArgumentException("--show must be 0 or more, was " + show);
    }
  }

  /** The settings of a run described by a run file. */
  static ReconcileSettings of(
      RunFile run, DatabaseSettings database, Duration drainWait, Duration settle, int show) {
    RunWindow window =
        run.startedAt() != null && run.finishedAt() != null
            ? new RunWindow(run.startedAt(), run.finishedAt())
            : null;
    return new ReconcileSettings(
        run.spec(), run.count(), window, database, drainWait, settle, show, run.unacknowledged());
  }

  /** The run's order ids. */
  OrderIdRange range() {
    return new OrderIdRange(
        generation.seed(), generation.firstSequence(), generation.firstSequence() + count - 1);
  }
}
