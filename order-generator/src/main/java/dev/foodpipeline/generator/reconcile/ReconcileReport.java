package dev.foodpipeline.generator.reconcile;

import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.sink.NotificationsTable;
import dev.foodpipeline.model.sink.OrderItemsTable;
import dev.foodpipeline.model.sink.OrdersTable;
import dev.foodpipeline.model.sink.RejectedOrdersTable;
import dev.foodpipeline.model.sink.SinkTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The outcome of a reconcile: per table and per reason code, how many rows were expected, found,
 * missing, unexpected and mismatched; how many order ids have more rows than they should; and the
 * first offending order ids with what is wrong with each. {@link #matches()} is the verdict.
 */
public final class ReconcileReport {
  private static final String DUPLICATE_ORDER = ReasonCode.DUPLICATE_ORDER.name();

  /** The sink's tables, in the order the report lists them. */
  public enum Table {
    ORDERS(OrdersTable.TABLE),
    ORDER_ITEMS(OrderItemsTable.TABLE),
    REJECTED_ORDERS(RejectedOrdersTable.TABLE),
    /** The customers' notifications only ({@code ORDER_*}). */
    NOTIFICATIONS(NotificationsTable.TABLE);

    private final SinkTable table;

    Table(SinkTable table) {
      this.table = table;
    }

    public String sqlName() {
      return table.name();
    }
  }

  /** Counters of one table or one reason code. */
  public static final class Tally {
    long expected;
    long found;
    long missing;
    long unexpected;
    long mismatched;

    public long expected() {
      return expected;
    }

    public long found() {
      return found;
    }

    public long missing() {
      return missing;
    }

    public long unexpected() {
      return unexpected;
    }

    public long mismatched() {
      return mismatched;
    }

    boolean clean() {
      return missing == 0 && unexpected == 0 && mismatched == 0;
    }
  }

  /** An order id and everything wrong with its rows. */
  public record Problem(String orderId, List<String> details) {
    public Problem {
      details = List.copyOf(details);
    }

    @Override
    public String toString() {
      return orderId + "  " + String.join("; ", details);
    }
  }

  private final String description;
  private final int keep;
  private final Set<Table> listed;
  private final Map<Table, Tally> tables = new EnumMap<>(Table.class);
  private final Map<String, Tally> reasons = new TreeMap<>();
  private final List<Problem> problems = new ArrayList<>();
  private long problemOrders;
  private long duplicates;

  /**
   * @param description what was reconciled with what, the report's first line
   * @param keep how many offending order ids to keep and print
   */
  ReconcileReport(String description, int keep) {
    this(description, keep, true);
  }

  /**
   * @param notifications whether the report lists the notifications table (checked or not)
   */
  ReconcileReport(String description, int keep, boolean notifications) {
    this.description = description;
    this.keep = keep;
    this.listed =
        notifications
            ? EnumSet.allOf(Table.class)
            : EnumSet.complementOf(EnumSet.of(Table.NOTIFICATIONS));
    for (Table table : Table.values()) {
      tables.put(table, new Tally());
    }
  }

  Tally table(Table table) {
    return tables.get(table);
  }

  Tally reason(String code) {
    return reasons.computeIfAbsent(code, c -> new Tally());
  }

  void problem(String orderId, List<String> details) {
    problemOrders++;
    if (problems.size() < keep) {
      problems.add(new Problem(orderId, details));
    }
  }

  void duplicate() {
    duplicates++;
  }

  /** True when every table holds exactly the run's rows with the expected values. */
  public boolean matches() {
    return problemOrders == 0
        && tables.values().stream().allMatch(Tally::clean)
        && reasons.values().stream().allMatch(Tally::clean);
  }

  public Tally tally(Table table) {
    return tables.get(table);
  }

  public Map<String, Tally> reasons() {
    return Collections.unmodifiableMap(reasons);
  }

  /** How many order ids are wrong in some way. */
  public long problemOrders() {
    return problemOrders;
  }

  /** The first offending order ids, in id order. */
  public List<Problem> problems() {
    return List.copyOf(problems);
  }

  /** Order ids with more rows than expected: in both tables, or rejected more than once. */
  public long duplicates() {
    return duplicates;
  }

  /** The printed report: a header, the two tables, the verdict and the offending ids. */
  public String format() {
    StringBuilder text = new StringBuilder(description).append(System.lineSeparator());
    row(
        text,
        "%-26s %10s %10s %10s %10s %10s",
        "table",
        "expected",
        "found",
        "missing",
        "unexpected",
        "mismatched");
    tables.forEach(
        (table, t) -> {
          if (listed.contains(table)) {
            row(
                text,
                "%-26s %10d %10d %10d %10d %10d",
                table.sqlName(),
                t.expected,
                t.found,
                t.missing,
                t.unexpected,
                t.mismatched);
          }
        });
    row(
        text,
        "%-26s %10s %10s %10s %10s",
        "rejected, by reason code",
        "expected",
        "found",
        "missing",
        "unexpected");
    reasons.forEach(
        (code, t) ->
            row(
                text,
                "%-26s %10d %10d %10d %10d",
                "  " + code,
                t.expected,
                t.found,
                t.missing,
                t.unexpected));
    row(text, "%-26s %10d", "order ids with duplicates", duplicates);
    if (matches()) {
      text.append("OK: PostgreSQL holds exactly what the run must have produced.")
          .append(System.lineSeparator());
      return text.toString();
    }
    text.append(
            String.format(
                Locale.ROOT,
                "MISMATCH: %d order id%s wrong%s:",
                problemOrders,
                problemOrders == 1 ? " is" : "s are",
                problemOrders > problems.size()
                    ? " (the first " + problems.size() + " below)"
                    : ""))
        .append(System.lineSeparator());
    problems.forEach(problem -> text.append("  ").append(problem).append(System.lineSeparator()));
    long resent =
        reasons.containsKey(DUPLICATE_ORDER) ? reasons.get(DUPLICATE_ORDER).unexpected : 0;
    if (resent > 0) {
      text.append(
              String.format(
                  Locale.ROOT,
                  "Hint: %d %s rejection%s this run did not cause: its order ids reached the pipeline"
                      + " before, most likely from an earlier run of the same seed and sequences on the"
                      + " same topics and tables. Give each run its own --seed or --start-sequence, or"
                      + " start from empty topics and tables.",
                  resent,
                  DUPLICATE_ORDER,
                  resent == 1 ? "" : "s"))
          .append(System.lineSeparator());
    }
    return text.toString();
  }

  /**
   * When the run does not match and some of the named ids are sends the producer gave up on (the
   * run file's {@code unacknowledged}), a line that says so; "" otherwise.
   */
  public String unacknowledgedHint(List<String> unacknowledged) {
    if (matches() || unacknowledged.isEmpty()) {
      return "";
    }
    Set<String> failed = new HashSet<>(unacknowledged);
    long named = problems.stream().filter(problem -> failed.contains(problem.orderId())).count();
    if (named == 0) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "Hint: %d of the ids above %s among the %d send%s of this run that Kafka never acknowledged"
            + " (the run file's 'unacknowledged'): the producer gave up on them, so the pipeline"
            + " may never have had them.%n",
        named,
        named == 1 ? "is" : "are",
        unacknowledged.size(),
        unacknowledged.size() == 1 ? "" : "s");
  }

  private static void row(StringBuilder text, String format, Object... values) {
    text.append("  ")
        .append(String.format(Locale.ROOT, format, values).stripTrailing())
        .append(System.lineSeparator());
  }
}
