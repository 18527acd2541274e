package dev.foodpipeline.generator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.generator.GeneratedOrder;
import dev.foodpipeline.generator.GenerationSpec;
import dev.foodpipeline.generator.InvalidKind;
import dev.foodpipeline.generator.InvalidMix;
import dev.foodpipeline.generator.OrderFactory;
import dev.foodpipeline.generator.OrderShape;
import dev.foodpipeline.generator.fakes.FakeSinkTables;
import dev.foodpipeline.generator.reconcile.ReconcileReport.Table;
import dev.foodpipeline.model.Notification;
import dev.foodpipeline.model.NotificationType;
import dev.foodpipeline.model.ProcessedItem;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.sink.RejectionRow;
import dev.foodpipeline.sink.SinkTables;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconcilerTest {
  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final GenerationSpec SPEC = GenerationSpec.of(9, 0.3);

  private final OrderFactory factory = new OrderFactory(SPEC, CLOCK);
  private final FakeSinkTables tables = new FakeSinkTables().sink(factory, 1, 200);

  private ReconcileReport reconcile() {
    return reconcile(factory, new OrderIdRange(9, 1, 200), null);
  }

  private ReconcileReport reconcile(
      OrderFactory factory, OrderIdRange range, Reconciler.RunWindow window) {
    return new Reconciler(factory, range, tables, window, 64).reconcile("test run", 20);
  }

  /** Every invalid record of the run a copy of an earlier order's id. */
  private static OrderFactory duplicatesOnly() {
    return new OrderFactory(
        SPEC.withInvalidMix(InvalidMix.of(InvalidKind.DUPLICATE_ORDER_ID)), CLOCK);
  }

  private GeneratedOrder firstValid() {
    return factory.generate(1, 200).filter(GeneratedOrder::isValid).findFirst().orElseThrow();
  }

  private GeneratedOrder firstOf(InvalidKind kind) {
    return factory
        .generate(1, 200)
        .filter(g -> g.invalidKind().orElse(null) == kind)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aPipelineThatDidItsJobMatches() {
    ReconcileReport report = reconcile();

    assertThat(report.matches()).as(report.format()).isTrue();
    long valid = factory.generate(1, 200).filter(GeneratedOrder::isValid).count();
    assertThat(report.tally(Table.ORDERS).expected()).isEqualTo(valid);
    assertThat(report.tally(Table.ORDERS).found()).isEqualTo(valid);
    assertThat(report.tally(Table.REJECTED_ORDERS).expected()).isEqualTo(200 - valid);
    assertThat(report.tally(Table.ORDER_ITEMS).found()).isEqualTo(tables.items.size());
    assertThat(report.format())
        .startsWith("test run")
        .contains("OK: PostgreSQL holds exactly what the run must have produced.")
        .containsPattern("orders\\s+" + valid + "\\s+" + valid + "\\s+0\\s+0\\s+0");
  }

  @Test
  void eachReasonCodeIsCounted() {
    ReconcileReport report = reconcile();

    long priceMismatches =
        factory
            .generate(1, 200)
            .filter(g -> g.expectedReason().orElse(null) == ReasonCode.PRICE_MISMATCH)
            .count();
    assertThat(priceMismatches).isPositive();
    assertThat(report.reasons().get("PRICE_MISMATCH").expected()).isEqualTo(priceMismatches);
    assertThat(report.reasons().get("PRICE_MISMATCH").found()).isEqualTo(priceMismatches);
    assertThat(report.format())
        .containsPattern(
            "PRICE_MISMATCH\\s+" + priceMismatches + "\\s+" + priceMismatches + "\\s+0\\s+0");
  }

  @Test
  void aDeletedOrderIsMissingAndNamed() {
    String id = firstValid().key();
    tables.orders.removeIf(o -> o.orderId().equals(id));

    ReconcileReport report = reconcile();

    assertThat(report.matches()).isFalse();
    assertThat(report.tally(Table.ORDERS).missing()).isEqualTo(1);
    assertThat(report.problems()).extracting(ReconcileReport.Problem::orderId).containsExactly(id);
    assertThat(report.format())
        .contains("MISMATCH: 1 order id is wrong:")
        .contains(id + "  missing from orders");
  }

  @Test
  void aChangedTotalIsAMismatchWithBothValues() {
    String id = firstValid().key();
    BigDecimal total = tables.order(id).total();
    tables.replaceOrder(id, o -> withTotal(o, total.add(BigDecimal.ONE)));

    ReconcileReport report = reconcile();

    assertThat(report.tally(Table.ORDERS).mismatched()).isEqualTo(1);
    assertThat(report.format())
        .contains(
            id
                + "  orders.total is "
                + total.add(BigDecimal.ONE).toPlainString()
                + ", expected "
                + total.toPlainString());
  }

  @Test
  void aRejectedOrderInOrdersIsUnexpectedAndADuplicate() {
    GeneratedOrder rejected = firstOf(InvalidKind.PRICE_MISMATCH);
    ProcessedOrder copy = tables.orders.get(0);
    tables.orders.add(withId(copy, rejected.key()));

    ReconcileReport report = reconcile();

    assertThat(report.tally(Table.ORDERS).unexpected()).isEqualTo(1);
    assertThat(report.duplicates()).isEqualTo(1);
    assertThat(report.format())
        .contains(rejected.key() + "  in orders, but must be rejected as PRICE_MISMATCH")
        .containsPattern("order ids with duplicates\\s+1");
  }

  @Test
  void aValidOrderAlsoInRejectedOrdersIsADuplicate() {
    String id = firstValid().key();
    tables.rejections.add(new RejectionRow("food-orders", 0, 9999, id, "MALFORMED_JSON", "x"));

    ReconcileReport report = reconcile();

    assertThat(report.tally(Table.REJECTED_ORDERS).unexpected()).isEqualTo(1);
    assertThat(report.reasons().get("MALFORMED_JSON").unexpected()).isEqualTo(1);
    assertThat(report.duplicates()).isEqualTo(1);
    assertThat(report.format())
        .contains(
            id + "  in rejected_orders as MALFORMED_JSON (at 0@9999), but it is a valid order");
  }

  @Test
  void aRejectionWrittenTwiceIsADuplicate() {
    GeneratedOrder rejected = firstOf(InvalidKind.EMPTY_ORDER);
    tables.rejections.add(
        new RejectionRow("food-orders", 1, 9999, rejected.key(), "EMPTY_ORDER", null));

    ReconcileReport report = reconcile();

    assertThat(report.duplicates()).isEqualTo(1);
    assertThat(report.format())
        .contains(
            rejected.key()
                + "  in rejected_orders as EMPTY_ORDER (at 1@9999) once more than expected");
  }

  @Test
  void aWrongReasonCodeNamesBothCodes() {
    GeneratedOrder rejected = firstOf(InvalidKind.BAD_QUANTITY);
    tables.replaceRejection(
        r -> rejected.key().equals(r.orderId()), r -> withReason(r, "PRICE_MISMATCH"));

    ReconcileReport report = reconcile();

    assertThat(report.tally(Table.REJECTED_ORDERS).mismatched()).isEqualTo(1);
    assertThat(report.reasons().get("BAD_QUANTITY").missing()).isEqualTo(1);
    assertThat(report.reasons().get("PRICE_MISMATCH").unexpected()).isEqualTo(1);
    assertThat(report.format())
        .contains(rejected.key() + "  rejected as PRICE_MISMATCH")
        .contains("expected BAD_QUANTITY (BAD_QUANTITY)");
  }

  @Test
  void aMissingRejectionIsNamed() {
    GeneratedOrder rejected = firstOf(InvalidKind.MISSING_FIELD);
    tables.rejections.removeIf(r -> rejected.key().equals(r.orderId()));

    ReconcileReport report = reconcile();

    assertThat(report.tally(Table.REJECTED_ORDERS).missing()).isEqualTo(1);
    assertThat(report.format())
        .contains(
            rejected.key()
                + "  missing from rejected_orders (expected SCHEMA_VIOLATION for MISSING_FIELD)");
  }

  @Test
  void missingChangedAndExtraLinesAreFound() {
    String id = firstValid().key();
    tables.items.removeIf(i -> i.orderId().equals(id) && i.lineNo() == 1);
    GeneratedOrder other =
        factory.generate(1, 200).filter(GeneratedOrder::isValid).skip(1).findFirst().orElseThrow();
    tables.items.replaceAll(
        i ->
            i.orderId().equals(other.key()) && i.lineNo() == 1
                ? withQuantity(i, i.quantity() + 1)
                : i);
    GeneratedOrder rejected = firstOf(InvalidKind.UNKNOWN_RESTAURANT);
    tables.items.add(
        new ProcessedItem(
            rejected.key(), 1, "r-001-m01", "Pho", 1, BigDecimal.TEN, BigDecimal.TEN));

    ReconcileReport report = reconcile();

    assertThat(report.tally(Table.ORDER_ITEMS).missing()).isEqualTo(1);
    assertThat(report.tally(Table.ORDER_ITEMS).mismatched()).isEqualTo(1);
    assertThat(report.tally(Table.ORDER_ITEMS).unexpected()).isEqualTo(1);
    assertThat(report.format())
        .containsPattern(
            id + "  (1 of \\d+ lines missing from order_items|no lines in order_items)")
        .contains(other.key() + "  order_items line 1.quantity is")
        .contains(rejected.key() + "  1 unexpected line in order_items");
  }

  @Test
  void rowsOutsideTheRunAreNotItsBusiness() {
    tables.orders.add(withId(tables.orders.get(0), "o-9-00000201"));
    tables.orders.add(withId(tables.orders.get(0), "o-90-00000005"));
    tables.orders.add(withId(tables.orders.get(0), "o-9-00000005x"));

    assertThat(reconcile().matches()).isTrue();
  }

  @Test
  void anIdThatTheRunNeverSentIsUnexpected() {
    OrderFactory duplicates = duplicatesOnly();
    GeneratedOrder copy =
        duplicates.generate(1, 200).filter(g -> !g.isValid()).findFirst().orElseThrow();
    // The copy's own sequence id is never on the wire: its record carries an earlier order's id.
    String ownId = OrderFactory.orderId(9, copy.sequence());
    tables.sinkOnly(duplicates, 1, 200);
    tables.orders.add(withId(tables.orders.get(0), ownId));

    ReconcileReport report = reconcile(duplicates, new OrderIdRange(9, 1, 200), null);

    assertThat(report.format())
        .contains(ownId + "  in orders, but the run sent no record with this id");
  }

  @Test
  void aDuplicateRecordMustBeRejectedUnderTheIdItCopies() {
    OrderFactory duplicates = duplicatesOnly();
    tables.sinkOnly(duplicates, 1, 200);

    ReconcileReport report = reconcile(duplicates, new OrderIdRange(9, 1, 200), null);

    assertThat(report.matches()).as(report.format()).isTrue();
    assertThat(report.reasons().get("DUPLICATE_ORDER").expected()).isPositive();
    // The target order is in both tables, as expected: not a duplicate finding.
    assertThat(report.duplicates()).isZero();
  }

  @Test
  void aDuplicateThatWasAcceptedAgainIsAMissingRejection() {
    OrderFactory duplicates = duplicatesOnly();
    tables.sinkOnly(duplicates, 1, 200);
    // A Streams app that does not deduplicate upserts the copy: no rejection row.
    tables.rejections.removeIf(r -> r.reasonCode().equals("DUPLICATE_ORDER"));

    ReconcileReport report = reconcile(duplicates, new OrderIdRange(9, 1, 200), null);

    assertThat(report.reasons().get("DUPLICATE_ORDER").missing()).isPositive();
    assertThat(report.format())
        .contains("missing from rejected_orders (expected DUPLICATE_ORDER for DUPLICATE_ORDER_ID)");
  }

  @Test
  void aRunSentTwiceIsNamedAsSuchInAHint() {
    // The same seed and sequences produced again: the Streams app rejects every valid order's copy.
    long offset = 10_000;
    for (GeneratedOrder order : factory.generate(1, 200).filter(GeneratedOrder::isValid).toList()) {
      tables.rejections.add(
          new RejectionRow("food-orders", 0, offset++, order.key(), "DUPLICATE_ORDER", null));
    }

    ReconcileReport report = reconcile();

    assertThat(report.matches()).isFalse();
    assertThat(report.reasons().get("DUPLICATE_ORDER").unexpected()).isEqualTo(offset - 10_000);
    assertThat(report.format())
        .contains(
            "Hint: " + (offset - 10_000) + " DUPLICATE_ORDER rejections this run did not cause")
        .contains("Give each run its own --seed or --start-sequence");
  }

  @Test
  void noHintWithoutUnexpectedDuplicates() {
    String id = firstValid().key();
    tables.orders.removeIf(o -> o.orderId().equals(id));

    assertThat(reconcile().format()).contains("MISMATCH").doesNotContain("Hint:");
  }

  @Test
  void aDuplicateAcrossAChunkBoundaryIsFiledUnderItsTarget() {
    OrderFactory duplicates = duplicatesOnly();
    tables.sinkOnly(duplicates, 1, 200);

    // Chunks of 7 ids: many copies lie in a later chunk than the order they copy.
    ReconcileReport report =
        new Reconciler(duplicates, new OrderIdRange(9, 1, 200), tables, null, 7).reconcile("x", 5);

    assertThat(report.matches()).as(report.format()).isTrue();
  }

  @Test
  void rejectionsWithoutAnOrderIdAreMatchedByTheirRawText() {
    GeneratedOrder malformed = firstOf(InvalidKind.MALFORMED_JSON);
    GeneratedOrder empty = firstOf(InvalidKind.EMPTY_ORDER);
    tables.replaceRejection(
        r -> malformed.key().equals(r.orderId()),
        r -> withOrderId(r, null, "junk " + malformed.key() + " junk"));
    String base64 =
        "base64:"
            + Base64.getEncoder()
                .encodeToString(("\u00ff" + empty.key()).getBytes(StandardCharsets.ISO_8859_1));
    tables.replaceRejection(
        r -> empty.key().equals(r.orderId()), r -> withOrderId(r, null, base64));
    tables.rejections.add(
        new RejectionRow("food-orders", 0, 5000, null, "MALFORMED_JSON", "nothing of ours"));

    ReconcileReport report = reconcile();

    assertThat(report.matches()).as(report.format()).isTrue();
  }

  @Test
  void createdAtOutsideTheRunsWindowIsAMismatch() {
    OrderFactory late =
        new OrderFactory(
            SPEC.withShape(OrderShape.EVEN.withLateness(0.5, Duration.ofMinutes(10))), CLOCK);
    tables.sinkOnly(late, 1, 200);
    Reconciler.RunWindow window = new Reconciler.RunWindow(NOW, NOW.plusSeconds(5));
    assertThat(reconcile(late, new OrderIdRange(9, 1, 200), window).matches()).isTrue();

    String id = tables.orders.get(3).orderId();
    tables.replaceOrder(id, o -> withCreatedAt(o, o.createdAt().minus(Duration.ofHours(1))));
    ReconcileReport report = reconcile(late, new OrderIdRange(9, 1, 200), window);

    assertThat(report.format()).contains(id + "  orders.created_at is").contains("outside the run");
  }

  @Test
  void aWrongPartitionOrReadyTimeIsAMismatch() {
    String id = firstValid().key();
    tables.replaceOrder(
        id,
        o ->
            withPartitionAndReady(
                o, (o.sourcePartition() + 1) % 3, o.estimatedReadyAt().plusSeconds(60)));

    ReconcileReport report = reconcile();

    assertThat(report.format())
        .contains("orders.source_partition is")
        .contains("orders.estimated_ready_at is")
        .contains("min after created_at, expected");
  }

  @Test
  void onlyTheFirstOffendersAreNamedButAllAreCounted() {
    tables.orders.clear();

    ReconcileReport report =
        new Reconciler(factory, new OrderIdRange(9, 1, 200), tables, null, 64).reconcile("x", 3);

    assertThat(report.problems()).hasSize(3);
    assertThat(report.problemOrders()).isGreaterThan(100);
    assertThat(report.format()).contains("order ids are wrong (the first 3 below):");
  }

  @Test
  void theExpectedCountsAreThoseOfAPerfectSink() {
    Reconciler reconciler = new Reconciler(factory, new OrderIdRange(9, 1, 200), tables, null, 64);

    assertThat(reconciler.expectedCounts())
        .isEqualTo(
            new SinkTables.Counts(
                tables.orders.size(),
                tables.items.size(),
                tables.rejections.size(),
                // the ORDER_CONFIRMED ones: the ORDER_REJECTED ones follow from the rejections
                tables.orders.size()));
    assertThat(reconciler.rejectionsToNotify())
        .isEqualTo(tables.notifications.size() - tables.orders.size())
        .isPositive();
    SinkTables.Counts expected = reconciler.expectedCounts();
    assertThat(reconciler.foundCounts())
        .isEqualTo(
            expected.withNotifications(expected.notifications() + reconciler.rejectionsToNotify()));
  }

  @Test
  void anEmptyRunMatchesEmptyTables() {
    assertThat(
            new Reconciler(factory, new OrderIdRange(9, 1, 0), tables, null, 64)
                .reconcile("x", 3)
                .matches())
        .isTrue();
  }

  @Test
  void theRawTextOfBytesIsDecodedForTheSearch() {
    assertThat(Reconciler.rawText(null)).isEmpty();
    assertThat(Reconciler.rawText("base64:not base64!")).isEqualTo("base64:not base64!");
    assertThat(
            Reconciler.rawText(
                "base64:"
                    + Base64.getEncoder().encodeToString("o-1-1".getBytes(StandardCharsets.UTF_8))))
        .isEqualTo("o-1-1");
  }

  static ProcessedOrder withId(ProcessedOrder o, String id) {
    return copy(o, id, o.total(), o.createdAt(), o.estimatedReadyAt(), o.sourcePartition());
  }

  static ProcessedOrder withTotal(ProcessedOrder o, BigDecimal total) {
    return copy(o, o.orderId(), total, o.createdAt(), o.estimatedReadyAt(), o.sourcePartition());
  }

  static ProcessedOrder withCreatedAt(ProcessedOrder o, Instant createdAt) {
    Duration prep = Duration.between(o.createdAt(), o.estimatedReadyAt());
    return copy(o, o.orderId(), o.total(), createdAt, createdAt.plus(prep), o.sourcePartition());
  }

  static ProcessedOrder withPartitionAndReady(ProcessedOrder o, int partition, Instant ready) {
    return copy(o, o.orderId(), o.total(), o.createdAt(), ready, partition);
  }

  /** The order with the fields the tests tamper with replaced, every other field kept. */
  private static ProcessedOrder copy(
      ProcessedOrder o,
      String orderId,
      BigDecimal total,
      Instant createdAt,
      Instant estimatedReadyAt,
      int sourcePartition) {
    return new ProcessedOrder(
        orderId,
        o.customerId(),
        o.restaurantId(),
        o.restaurantName(),
        o.cuisine(),
        o.city(),
        o.itemCount(),
        o.subtotal(),
        o.tax(),
        o.deliveryFee(),
        total,
        o.deliveryStreet(),
        o.deliveryCity(),
        o.deliveryPostalCode(),
        createdAt,
        estimatedReadyAt,
        o.processedAt(),
        sourcePartition,
        o.sourceOffset());
  }

  static ProcessedItem withQuantity(ProcessedItem i, int quantity) {
    return new ProcessedItem(
        i.orderId(),
        i.lineNo(),
        i.menuItemId(),
        i.itemName(),
        quantity,
        i.unitPrice(),
        i.lineTotal());
  }

  private static Notification withTotalAndCustomer(
      Notification n, BigDecimal total, String customerId) {
    return new Notification(
        n.notificationId(),
        n.type(),
        customerId,
        n.restaurantId(),
        n.orderId(),
        n.message(),
        total,
        n.estimatedReadyAt(),
        n.reasonCode(),
        n.ordersInWindow(),
        n.capacity(),
        n.eventAt(),
        n.notifiedAt());
  }

  private static Notification withId(Notification n, String id, String reasonCode) {
    return new Notification(
        id,
        n.type(),
        n.customerId(),
        n.restaurantId(),
        n.orderId(),
        n.message(),
        n.total(),
        n.estimatedReadyAt(),
        reasonCode,
        n.ordersInWindow(),
        n.capacity(),
        n.eventAt(),
        n.notifiedAt());
  }

  private Notification notificationOf(String orderId, NotificationType type) {
    return tables.notifications.stream()
        .filter(n -> orderId.equals(n.orderId()) && n.type() == type)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void everyAcceptedOrderAndEveryRejectionWithACustomerToldTheCustomerOnce() {
    ReconcileReport report = reconcile();

    assertThat(report.matches()).as(report.format()).isTrue();
    long valid = factory.generate(1, 200).filter(GeneratedOrder::isValid).count();
    long rejectedWithCustomer =
        tables.notifications.stream()
            .filter(n -> n.type() == NotificationType.ORDER_REJECTED)
            .count();
    // Malformed JSON has no customer to tell; a business-rule rejection has.
    assertThat(rejectedWithCustomer).isPositive().isLessThan(tables.rejections.size());
    assertThat(report.tally(Table.NOTIFICATIONS).expected())
        .isEqualTo(valid + rejectedWithCustomer);
    assertThat(report.tally(Table.NOTIFICATIONS).found()).isEqualTo(valid + rejectedWithCustomer);
    assertThat(report.format())
        .containsPattern(
            "notifications\\s+"
                + (valid + rejectedWithCustomer)
                + "\\s+"
                + (valid + rejectedWithCustomer)
                + "\\s+0\\s+0\\s+0");
  }

  @Test
  void aCustomerNotToldIsMissingAndNamed() {
    String confirmed = firstValid().key();
    String rejected = firstOf(InvalidKind.PRICE_MISMATCH).key();
    Notification rejection = notificationOf(rejected, NotificationType.ORDER_REJECTED);
    tables.notifications.removeIf(
        n ->
            n.notificationId().equals("order-confirmed:" + confirmed)
                || n.notificationId().equals(rejection.notificationId()));

    ReconcileReport report = reconcile();

    assertThat(report.matches()).isFalse();
    assertThat(report.tally(Table.NOTIFICATIONS).missing()).isEqualTo(2);
    assertThat(report.format())
        .contains(
            confirmed
                + "  missing from notifications (ORDER_CONFIRMED order-confirmed:"
                + confirmed
                + ")")
        .contains(
            rejected
                + "  missing from notifications (ORDER_REJECTED "
                + rejection.notificationId()
                + ")");
  }

  @Test
  void aCustomerToldTwiceOrAboutNothingIsUnexpected() {
    String confirmed = firstValid().key();
    tables.notify(
        withId(
            notificationOf(confirmed, NotificationType.ORDER_CONFIRMED),
            "order-confirmed:again",
            null));
    GeneratedOrder malformed = firstOf(InvalidKind.MALFORMED_JSON);
    RejectionRow row =
        tables.rejections.stream()
            .filter(r -> malformed.key().equals(r.orderId()))
            .findFirst()
            .orElseThrow();
    tables.notify(
        new Notification(
            "order-rejected:food-orders-" + row.sourcePartition() + "-" + row.sourceOffset(),
            NotificationType.ORDER_REJECTED,
            "c-someone",
            null,
            malformed.key(),
            "not read",
            null,
            null,
            "MALFORMED_JSON",
            null,
            null,
            NOW,
            NOW));

    ReconcileReport report = reconcile();

    assertThat(report.tally(Table.NOTIFICATIONS).unexpected()).isEqualTo(2);
    assertThat(report.format())
        .contains(
            confirmed
                + "  in notifications as ORDER_CONFIRMED order-confirmed:again: the customer was"
                + " told more than once")
        .contains(
            malformed.key()
                + "  in notifications as ORDER_REJECTED order-rejected:food-orders-"
                + row.sourcePartition()
                + "-"
                + row.sourceOffset()
                + ", but nothing of this id must tell its customer");
  }

  @Test
  void aNotificationWithAnotherCustomerTotalOrReasonIsAMismatch() {
    String confirmed = firstValid().key();
    Notification good = notificationOf(confirmed, NotificationType.ORDER_CONFIRMED);
    tables.replaceNotification(
        good.notificationId(), n -> withTotalAndCustomer(n, new BigDecimal("0.01"), "c-other"));
    String rejected = firstOf(InvalidKind.UNKNOWN_MENU_ITEM).key();
    Notification rejection = notificationOf(rejected, NotificationType.ORDER_REJECTED);
    tables.replaceNotification(
        rejection.notificationId(), n -> withId(n, n.notificationId(), "PRICE_MISMATCH"));

    ReconcileReport report = reconcile();

    assertThat(report.tally(Table.NOTIFICATIONS).mismatched()).isEqualTo(2);
    assertThat(report.format())
        .contains(
            "notifications "
                + good.notificationId()
                + ": customer_id is c-other, expected "
                + good.customerId())
        .contains(
            "notifications "
                + good.notificationId()
                + ": total is 0.01, expected "
                + good.total().toPlainString())
        .contains(
            "notifications "
                + rejection.notificationId()
                + ": reason_code is PRICE_MISMATCH, expected UNKNOWN_MENU_ITEM");
  }

  @Test
  void aRejectionToldWithoutItsOrderIdIsFoundByTheNotificationsId() {
    String rejected = firstOf(InvalidKind.UNKNOWN_RESTAURANT).key();
    Notification rejection = notificationOf(rejected, NotificationType.ORDER_REJECTED);
    tables.replaceNotification(
        rejection.notificationId(),
        n ->
            new Notification(
                n.notificationId(),
                n.type(),
                n.customerId(),
                n.restaurantId(),
                null,
                n.message(),
                n.total(),
                n.estimatedReadyAt(),
                n.reasonCode(),
                n.ordersInWindow(),
                n.capacity(),
                n.eventAt(),
                n.notifiedAt()));

    ReconcileReport report = reconcile();

    assertThat(report.matches()).as(report.format()).isTrue();
  }

  @Test
  void withoutNotificationsTheyAreNeitherCheckedNorListed() {
    tables.notifications.clear();

    Reconciler reconciler =
        new Reconciler(factory, new OrderIdRange(9, 1, 200), tables, null, 64, false);
    ReconcileReport report = reconciler.reconcile("test run", 20);

    assertThat(report.matches()).as(report.format()).isTrue();
    assertThat(report.format()).doesNotContain("notifications");
    assertThat(reconciler.checksNotifications()).isFalse();
    assertThat(reconciler.expectedCounts().notifications()).isZero();
  }

  static RejectionRow withReason(RejectionRow r, String code) {
    return new RejectionRow(
        r.sourceTopic(), r.sourcePartition(), r.sourceOffset(), r.orderId(), code, r.raw());
  }

  static RejectionRow withOrderId(RejectionRow r, String id, String raw) {
    return new RejectionRow(
        r.sourceTopic(), r.sourcePartition(), r.sourceOffset(), id, r.reasonCode(), raw);
  }

  @SuppressWarnings("unused")
  private static List<String> ids(ReconcileReport report) {
    return report.problems().stream().map(ReconcileReport.Problem::orderId).toList();
  }
}
