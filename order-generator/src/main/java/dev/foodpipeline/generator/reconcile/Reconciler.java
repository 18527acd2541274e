package dev.foodpipeline.generator.reconcile;

import dev.foodpipeline.generator.OrderFactory;
import dev.foodpipeline.generator.reconcile.Expectation.ExpectedOrder;
import dev.foodpipeline.generator.reconcile.Expectation.ExpectedRejection;
import dev.foodpipeline.generator.reconcile.ReconcileReport.Table;
import dev.foodpipeline.model.Notification;
import dev.foodpipeline.model.NotificationType;
import dev.foodpipeline.model.ProcessedItem;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.RejectedOrder;
import dev.foodpipeline.model.json.RawText;
import dev.foodpipeline.model.notify.NotificationIds;
import dev.foodpipeline.model.notify.RejectedCustomer;
import dev.foodpipeline.model.sink.Column;
import dev.foodpipeline.model.sink.NotificationsTable;
import dev.foodpipeline.model.sink.OrderItemsTable;
import dev.foodpipeline.model.sink.OrdersTable;
import dev.foodpipeline.model.sink.RejectedOrdersTable;
import dev.foodpipeline.model.sink.RowWriter;
import dev.foodpipeline.model.topics.Topics;
import dev.foodpipeline.sink.RejectionRow;
import dev.foodpipeline.sink.SinkTables;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares what a generated run must have produced with what the sink's tables hold, chunk by chunk
 * of order ids (so that memory does not grow with the run). For each order id of the run:
 *
 * <ul>
 *   <li>a valid record must be one {@code orders} row with the recomputed customer, restaurant,
 *       amounts, address and partition (and {@code estimated_ready_at - created_at}; {@code
 *       created_at} inside the run's window when it is known), and its lines in {@code
 *       order_items};
 *   <li>an invalid record must be one {@code rejected_orders} row with the expected reason code,
 *       and nothing in {@code orders};
 *   <li>unless notifications are left out: a valid record must have told its customer, one {@code
 *       ORDER_CONFIRMED} row of {@code notifications} ({@code order-confirmed:<order id>}) with its
 *       customer, restaurant and total; each {@code rejected_orders} row whose customer {@link
 *       RejectedCustomer} names, one {@code ORDER_REJECTED} ({@code
 *       order-rejected:<topic>-<partition>-<offset>}) to that customer with its reason code;
 *   <li>anything else under the run's ids is unexpected (a customer's notification included).
 * </ul>
 *
 * Rejections are matched to orders by {@code order_id}; a rejection stored without one is matched
 * by the order id its raw text holds. Notifications are matched by their deterministic id.
 */
public final class Reconciler {
  /** Order ids per query. */
  public static final int DEFAULT_CHUNK_SIZE = 5_000;

  /**
   * The generator's clock when the run started and when it ended: every {@code created_at} of the
   * run lies in it, moved back by the order's lateness.
   */
  public record RunWindow(Instant startedAt, Instant finishedAt) {
    public RunWindow {
      Objects.requireNonNull(startedAt, "startedAt");
      Objects.requireNonNull(finishedAt, "finishedAt");
    }
  }

  /**
   * Columns not compared value by value: the keys (rows are matched by them), the times (the
   * pipeline's clock, checked apart) and the offset (where the run's records landed).
   */
  private static final Set<Column<?>> NOT_COMPARED =
      Set.of(
          OrdersTable.ORDER_ID,
          OrdersTable.CREATED_AT,
          OrdersTable.ESTIMATED_READY_AT,
          OrdersTable.PROCESSED_AT,
          OrdersTable.SOURCE_OFFSET,
          OrderItemsTable.ORDER_ID,
          OrderItemsTable.LINE_NO);

  private final OrderFactory factory;
  private final OrderIdRange run;
  private final SinkTables tables;
  private final RunWindow window;
  private final int chunkSize;
  private final boolean notifications;
  private final Pattern idInRaw;

  /** A reconciler that checks the notifications too. */
  public Reconciler(
      OrderFactory factory, OrderIdRange run, SinkTables tables, RunWindow window, int chunkSize) {
    this(factory, run, tables, window, chunkSize, true);
  }

  /**
   * @param window the run's wall-clock window, or null when not known (created_at is then not
   *     checked)
   * @param notifications whether the customers' notifications are checked (false for a pipeline
   *     that runs no notification service)
   */
  public Reconciler(
      OrderFactory factory,
      OrderIdRange run,
      SinkTables tables,
      RunWindow window,
      int chunkSize,
      boolean notifications) {
    if (run.seed() != factory.spec().seed()) {
      throw new IllegalArgumentException(
          "the range is of seed " + run.seed() + ", the factory of seed " + factory.spec().seed());
    }
    this.factory = factory;
    this.run = run;
    this.tables = tables;
    this.window = window;
    this.chunkSize = chunkSize;
    this.notifications = notifications;
    this.idInRaw = Pattern.compile(Pattern.quote(run.prefix()) + "(\\d+)");
  }

  /** Whether the customers' notifications are checked. */
  public boolean checksNotifications() {
    return notifications;
  }

  /**
   * How many rows the run must have left in each table; for {@code notifications}, the {@code
   * ORDER_CONFIRMED} ones (the {@code ORDER_REJECTED} ones follow from the rejections: {@link
   * #rejectionsToNotify()}), 0 when notifications are not checked.
   */
  public SinkTables.Counts expectedCounts() {
    SinkTables.Counts counts = SinkTables.Counts.NONE;
    for (OrderIdRange chunk : run.chunks(chunkSize)) {
      SinkTables.Counts chunkCounts = Expectation.of(factory, run, chunk).counts();
      counts = counts.plus(chunkCounts.withNotifications(notifications ? chunkCounts.orders() : 0));
    }
    return counts;
  }

  /**
   * How many of the run's {@code rejected_orders} rows, as they are now, tell their customer (an
   * {@code ORDER_REJECTED} notification that carries the order id): read once the rejections are
   * all in.
   */
  public long rejectionsToNotify() {
    long count = 0;
    for (OrderIdRange chunk : run.chunks(chunkSize)) {
      for (RejectionRow row : tables.rejectionsWithRaw(chunk)) {
        if (chunk.contains(row.orderId()) && customerOf(row).isPresent()) {
          count++;
        }
      }
    }
    return count;
  }

  /** How many rows each table holds under the run's order ids now (a cheap count, for waiting). */
  public SinkTables.Counts foundCounts() {
    SinkTables.Counts counts = SinkTables.Counts.NONE;
    for (OrderIdRange part : run.chunks(Long.MAX_VALUE)) {
      counts = counts.plus(tables.count(part));
    }
    return counts;
  }

  /**
   * Compares every table row by row.
   *
   * @param description the report's first line
   * @param keep how many offending order ids the report names
   */
  public ReconcileReport reconcile(String description, int keep) {
    ReconcileReport report = new ReconcileReport(description, keep, notifications);
    if (run.isEmpty()) {
      return report;
    }
    Map<String, List<RejectionRow>> withoutId = rejectionsWithoutOrderId();
    for (OrderIdRange chunk : run.chunks(chunkSize)) {
      reconcileChunk(chunk, withoutId, report);
    }
    return report;
  }

  /** Rejections stored without an order id, filed under the run's order id their raw text names. */
  private Map<String, List<RejectionRow>> rejectionsWithoutOrderId() {
    Map<String, List<RejectionRow>> byId = new HashMap<>();
    for (RejectionRow row : tables.rejectionsWithoutOrderId(run.prefix())) {
      Matcher matcher = idInRaw.matcher(rawText(row.raw()));
      while (matcher.find()) {
        if (run.contains(matcher.group())) {
          byId.computeIfAbsent(matcher.group(), id -> new ArrayList<>())
              .add(row.withOrderId(matcher.group()));
          break;
        }
      }
    }
    return byId;
  }

  /**
   * The raw text, with bytes kept as base64 decoded (their ASCII parts are what an id is made of).
   */
  static String rawText(String raw) {
    if (raw == null) {
      return "";
    }
    if (raw.startsWith(RawText.BASE64_PREFIX)) {
      try {
        return new String(
            Base64.getDecoder().decode(raw.substring(RawText.BASE64_PREFIX.length())),
            StandardCharsets.ISO_8859_1);
      } catch (IllegalArgumentException e) {
        return raw;
      }
    }
    return raw;
  }

  private void reconcileChunk(
      OrderIdRange chunk, Map<String, List<RejectionRow>> withoutId, ReconcileReport report) {
    Expectation expected = Expectation.of(factory, run, chunk);
    Map<String, ProcessedOrder> orders = new HashMap<>();
    for (ProcessedOrder row : tables.orders(chunk)) {
      if (chunk.contains(row.orderId())) {
        orders.put(row.orderId(), row);
      }
    }
    Map<String, List<ProcessedItem>> items =
        group(tables.items(chunk), ProcessedItem::orderId, chunk);
    Map<String, List<RejectionRow>> rejections =
        group(
            notifications ? tables.rejectionsWithRaw(chunk) : tables.rejections(chunk),
            RejectionRow::orderId,
            chunk);
    withoutId.forEach(
        (id, rows) -> {
          if (chunk.contains(id)) {
            rejections.computeIfAbsent(id, k -> new ArrayList<>()).addAll(rows);
          }
        });

    Map<String, List<Notification>> notified =
        notifications
            ? group(tables.customerNotifications(chunk), Notification::orderId, chunk)
            : Map.of();

    Set<String> ids = new TreeSet<>(expected.ids());
    ids.addAll(orders.keySet());
    ids.addAll(items.keySet());
    ids.addAll(rejections.keySet());
    ids.addAll(notified.keySet());
    Map<String, List<ExpectedNotification>> toNotify = new HashMap<>();
    if (notifications) {
      for (String id : ids) {
        toNotify.put(
            id,
            expectedNotifications(expected.orderOf(id), rejections.getOrDefault(id, List.of())));
      }
      addNotifiedWithoutOrderId(toNotify, notified);
    }
    for (String id : ids) {
      List<String> details = new ArrayList<>();
      ExpectedOrder want = expected.orderOf(id);
      ProcessedOrder got = orders.get(id);
      List<ExpectedRejection> wantRejections = expected.rejectionsOf(id);
      List<RejectionRow> gotRejections = rejections.getOrDefault(id, List.of());
      compareOrder(want, got, wantRejections, report, details);
      compareItems(want, items.getOrDefault(id, List.of()), report, details);
      compareRejections(want != null, wantRejections, gotRejections, report, details);
      if (notifications) {
        compareNotifications(
            toNotify.getOrDefault(id, List.of()),
            notified.getOrDefault(id, List.of()),
            report,
            details);
      }
      int rowsExpected = (want == null ? 0 : 1) + wantRejections.size();
      int rowsFound = (got == null ? 0 : 1) + gotRejections.size();
      if (rowsFound >= 2 && rowsFound > rowsExpected) {
        report.duplicate();
      }
      if (!details.isEmpty()) {
        report.problem(id, details);
      }
    }
  }

  /** A notification the run's records must have made. */
  record ExpectedNotification(
      String notificationId,
      NotificationType type,
      String customerId,
      String restaurantId,
      BigDecimal total,
      String reasonCode) {}

  /** The notification id of a rejection ({@link NotificationIds#orderRejected}). */
  static String rejectedId(RejectionRow row) {
    return NotificationIds.orderRejected(
        row.sourceTopic(), row.sourcePartition(), row.sourceOffset());
  }

  /** The customer a rejection is told about ({@link RejectedCustomer}), from its stored row. */
  static Optional<String> customerOf(RejectionRow row) {
    return RejectedCustomer.of(
        new RejectedOrder(
            row.sourceTopic(),
            row.sourcePartition(),
            row.sourceOffset(),
            row.orderId(),
            null,
            null,
            row.raw(),
            null));
  }

  /**
   * The notifications of one order id: {@code ORDER_CONFIRMED} for a valid order, and an {@code
   * ORDER_REJECTED} for each of its rejections that has a customer to tell, with the reason code
   * the rejection holds.
   */
  private static List<ExpectedNotification> expectedNotifications(
      ExpectedOrder want, List<RejectionRow> rejections) {
    List<ExpectedNotification> expected = new ArrayList<>();
    if (want != null) {
      ProcessedOrder order = want.enriched().order();
      expected.add(
          new ExpectedNotification(
              NotificationIds.orderConfirmed(order.orderId()),
              NotificationType.ORDER_CONFIRMED,
              order.customerId(),
              order.restaurantId(),
              order.total(),
              null));
    }
    for (RejectionRow row : rejections) {
      customerOf(row)
          .ifPresent(
              customer ->
                  expected.add(
                      new ExpectedNotification(
                          rejectedId(row),
                          NotificationType.ORDER_REJECTED,
                          customer,
                          null,
                          null,
                          row.reasonCode())));
    }
    return expected;
  }

  /**
   * Expected notifications that the order-id query did not find (a rejection stored without an
   * order id is told without one): looked up by their ids, and filed under the order id that
   * expects them.
   */
  private void addNotifiedWithoutOrderId(
      Map<String, List<ExpectedNotification>> toNotify, Map<String, List<Notification>> notified) {
    Set<String> found = new HashSet<>();
    notified.values().forEach(list -> list.forEach(n -> found.add(n.notificationId())));
    Map<String, String> orderIdOf = new HashMap<>();
    toNotify.forEach(
        (id, list) ->
            list.stream()
                .map(ExpectedNotification::notificationId)
                .filter(n -> !found.contains(n))
                .forEach(n -> orderIdOf.put(n, id)));
    if (orderIdOf.isEmpty()) {
      return;
    }
    for (Notification notification : tables.notificationsNamed(orderIdOf.keySet())) {
      if (notification.orderId() == null || !run.contains(notification.orderId())) {
        notified
            .computeIfAbsent(orderIdOf.get(notification.notificationId()), k -> new ArrayList<>())
            .add(notification);
      }
    }
  }

  private static void compareNotifications(
      List<ExpectedNotification> wanted,
      List<Notification> got,
      ReconcileReport report,
      List<String> details) {
    ReconcileReport.Tally tally = report.table(Table.NOTIFICATIONS);
    tally.expected += wanted.size();
    tally.found += got.size();
    Map<String, Notification> byId = new LinkedHashMap<>();
    got.forEach(n -> byId.put(n.notificationId(), n));
    String table = NotificationsTable.TABLE.name();
    for (ExpectedNotification want : wanted) {
      Notification found = byId.remove(want.notificationId());
      if (found == null) {
        tally.missing++;
        details.add(
            "missing from " + table + " (" + want.type() + " " + want.notificationId() + ")");
        continue;
      }
      List<String> differences = new ArrayList<>();
      String prefix = table + " " + want.notificationId() + ": ";
      field(differences, prefix + NotificationsTable.TYPE.name(), want.type(), found.type());
      field(
          differences,
          prefix + NotificationsTable.CUSTOMER_ID.name(),
          want.customerId(),
          found.customerId());
      if (want.restaurantId() != null) {
        field(
            differences,
            prefix + NotificationsTable.RESTAURANT_ID.name(),
            want.restaurantId(),
            found.restaurantId());
      }
      if (want.total() != null) {
        money(differences, prefix + NotificationsTable.TOTAL.name(), want.total(), found.total());
      }
      if (want.reasonCode() != null) {
        field(
            differences,
            prefix + NotificationsTable.REASON_CODE.name(),
            want.reasonCode(),
            found.reasonCode());
      }
      if (!differences.isEmpty()) {
        tally.mismatched++;
        details.addAll(differences);
      }
    }
    for (Notification extra : byId.values()) {
      tally.unexpected++;
      boolean sameType = wanted.stream().anyMatch(w -> w.type() == extra.type());
      details.add(
          "in "
              + table
              + " as "
              + extra.type()
              + " "
              + extra.notificationId()
              + (sameType
                  ? ": the customer was told more than once"
                  : wanted.isEmpty()
                      ? ", but nothing of this id must tell its customer"
                      : ", but not expected"));
    }
  }

  private static <T> Map<String, List<T>> group(
      List<T> rows, Function<T, String> id, OrderIdRange chunk) {
    Map<String, List<T>> grouped = new HashMap<>();
    for (T row : rows) {
      if (chunk.contains(id.apply(row))) {
        grouped.computeIfAbsent(id.apply(row), k -> new ArrayList<>()).add(row);
      }
    }
    return grouped;
  }

  private void compareOrder(
      ExpectedOrder want,
      ProcessedOrder got,
      List<ExpectedRejection> wantRejections,
      ReconcileReport report,
      List<String> details) {
    ReconcileReport.Tally tally = report.table(Table.ORDERS);
    if (want != null) {
      tally.expected++;
    }
    if (got != null) {
      tally.found++;
    }
    if (want != null && got == null) {
      tally.missing++;
      details.add("missing from orders");
    } else if (want == null && got != null) {
      tally.unexpected++;
      details.add(
          wantRejections.isEmpty()
              ? "in orders, but the run sent no record with this id"
              : "in orders, but must be rejected as " + wantRejections.get(0).reason());
    } else if (want != null) {
      List<String> differences = differences(want, got);
      if (!differences.isEmpty()) {
        tally.mismatched++;
        details.addAll(differences);
      }
    }
  }

  private List<String> differences(ExpectedOrder expected, ProcessedOrder got) {
    ProcessedOrder want = expected.enriched().order();
    List<String> differences = new ArrayList<>();
    compare(
        differences, OrdersTable.TABLE.name() + ".", OrdersTable::write, want, got, NOT_COMPARED);
    if (got.createdAt() != null && got.estimatedReadyAt() != null) {
      Duration wantPrep = Duration.between(want.createdAt(), want.estimatedReadyAt());
      Duration gotPrep = Duration.between(got.createdAt(), got.estimatedReadyAt());
      if (!wantPrep.equals(gotPrep)) {
        differences.add(
            OrdersTable.ESTIMATED_READY_AT.qualifiedName()
                + " is "
                + gotPrep.toMinutes()
                + " min after "
                + OrdersTable.CREATED_AT.name()
                + ", expected "
                + wantPrep.toMinutes()
                + " min");
      }
    }
    if (window != null && got.createdAt() != null) {
      Duration lateness = factory.latenessOf(expected.sequence());
      Instant earliest = window.startedAt().truncatedTo(ChronoUnit.MILLIS).minus(lateness);
      Instant latest = window.finishedAt().minus(lateness);
      if (got.createdAt().isBefore(earliest) || got.createdAt().isAfter(latest)) {
        differences.add(
            OrdersTable.CREATED_AT.qualifiedName()
                + " is "
                + got.createdAt()
                + ", outside the run ("
                + earliest
                + " to "
                + latest
                + ")");
      }
    }
    return differences;
  }

  /**
   * Adds {@code <prefix><column> is <got>, expected <want>} for every column, in table order, whose
   * value differs (money by value: 9.5 is 9.50).
   */
  private static <T> void compare(
      List<String> differences,
      String prefix,
      BiConsumer<T, RowWriter> writer,
      T want,
      T got,
      Set<Column<?>> skip) {
    Map<Column<?>, Object> gotValues = RowWriter.values(writer, got);
    RowWriter.values(writer, want)
        .forEach(
            (column, value) -> {
              if (skip.contains(column)) {
                return;
              }
              String name = prefix + column.name();
              if (value instanceof BigDecimal money) {
                money(differences, name, money, (BigDecimal) gotValues.get(column));
              } else {
                field(differences, name, value, gotValues.get(column));
              }
            });
  }

  private static void field(List<String> differences, String name, Object want, Object got) {
    if (!Objects.equals(want, got)) {
      differences.add(name + " is " + got + ", expected " + want);
    }
  }

  private static void money(
      List<String> differences, String name, BigDecimal want, BigDecimal got) {
    if (got == null || want.compareTo(got) != 0) {
      differences.add(
          name
              + " is "
              + (got == null ? null : got.toPlainString())
              + ", expected "
              + want.toPlainString());
    }
  }

  private static void compareItems(
      ExpectedOrder want, List<ProcessedItem> got, ReconcileReport report, List<String> details) {
    ReconcileReport.Tally tally = report.table(Table.ORDER_ITEMS);
    List<ProcessedItem> wanted = want == null ? List.of() : want.enriched().items();
    tally.expected += wanted.size();
    tally.found += got.size();
    Map<Integer, ProcessedItem> byLine = new HashMap<>();
    got.forEach(item -> byLine.put(item.lineNo(), item));
    int missing = 0;
    for (ProcessedItem line : wanted) {
      ProcessedItem found = byLine.remove(line.lineNo());
      if (found == null) {
        missing++;
        continue;
      }
      List<String> differences = new ArrayList<>();
      String prefix = OrderItemsTable.TABLE.name() + " line " + line.lineNo() + ".";
      compare(differences, prefix, OrderItemsTable::write, line, found, NOT_COMPARED);
      if (!differences.isEmpty()) {
        tally.mismatched++;
        details.addAll(differences);
      }
    }
    if (missing > 0) {
      tally.missing += missing;
      details.add(
          missing == wanted.size()
              ? "no lines in order_items"
              : missing + " of " + wanted.size() + " lines missing from order_items");
    }
    if (!byLine.isEmpty()) {
      tally.unexpected += byLine.size();
      details.add(
          want == null
              ? byLine.size()
                  + " unexpected line"
                  + (byLine.size() == 1 ? "" : "s")
                  + " in order_items"
              : "unexpected order_items line"
                  + (byLine.size() == 1 ? " " : "s ")
                  + new TreeSet<>(byLine.keySet()));
    }
  }

  private static void compareRejections(
      boolean validOrder,
      List<ExpectedRejection> wanted,
      List<RejectionRow> got,
      ReconcileReport report,
      List<String> details) {
    ReconcileReport.Tally tally = report.table(Table.REJECTED_ORDERS);
    tally.expected += wanted.size();
    tally.found += got.size();
    wanted.forEach(w -> report.reason(w.reason().name()).expected++);
    got.forEach(g -> report.reason(g.reasonCode()).found++);

    List<ExpectedRejection> unmatchedWanted = new ArrayList<>(wanted);
    List<RejectionRow> unmatchedGot = new ArrayList<>(got);
    // Exact reason matches first.
    for (Iterator<ExpectedRejection> w = unmatchedWanted.iterator(); w.hasNext(); ) {
      ExpectedRejection want = w.next();
      for (Iterator<RejectionRow> g = unmatchedGot.iterator(); g.hasNext(); ) {
        RejectionRow row = g.next();
        if (want.reason().name().equals(row.reasonCode())) {
          w.remove();
          g.remove();
          List<String> differences = new ArrayList<>();
          field(
              differences,
              RejectedOrdersTable.SOURCE_TOPIC.qualifiedName(),
              Topics.FOOD_ORDERS.name(),
              row.sourceTopic());
          field(
              differences,
              RejectedOrdersTable.SOURCE_PARTITION.qualifiedName(),
              want.partition(),
              row.sourcePartition());
          if (!differences.isEmpty()) {
            tally.mismatched++;
            details.addAll(differences);
          }
          break;
        }
      }
    }
    // Then rows with another reason than expected.
    while (!unmatchedWanted.isEmpty() && !unmatchedGot.isEmpty()) {
      ExpectedRejection want = unmatchedWanted.remove(0);
      RejectionRow row = unmatchedGot.remove(0);
      tally.mismatched++;
      report.reason(want.reason().name()).missing++;
      report.reason(row.reasonCode()).unexpected++;
      details.add(
          "rejected as "
              + row.reasonCode()
              + " (at "
              + row.position()
              + "), expected "
              + want.reason()
              + " ("
              + want.kind()
              + ")");
    }
    for (ExpectedRejection want : unmatchedWanted) {
      tally.missing++;
      report.reason(want.reason().name()).missing++;
      details.add(
          "missing from rejected_orders (expected " + want.reason() + " for " + want.kind() + ")");
    }
    for (RejectionRow row : unmatchedGot) {
      tally.unexpected++;
      report.reason(row.reasonCode()).unexpected++;
      String where = "in rejected_orders as " + row.reasonCode() + " (at " + row.position() + ")";
      if (validOrder) {
        details.add(where + ", but it is a valid order: must only be in orders");
      } else if (!wanted.isEmpty()) {
        details.add(where + " once more than expected: a duplicate");
      } else {
        details.add(where + ", but the run sent no record with this id");
      }
    }
  }
}
