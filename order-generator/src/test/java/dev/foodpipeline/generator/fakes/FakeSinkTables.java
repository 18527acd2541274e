package dev.foodpipeline.generator.fakes;

import dev.foodpipeline.generator.GeneratedOrder;
import dev.foodpipeline.generator.OrderFactory;
import dev.foodpipeline.model.Notification;
import dev.foodpipeline.model.NotificationType;
import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.ProcessedItem;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.RejectedOrder;
import dev.foodpipeline.model.SourcePosition;
import dev.foodpipeline.model.json.RawText;
import dev.foodpipeline.model.notify.NotificationIds;
import dev.foodpipeline.model.notify.RejectedCustomer;
import dev.foodpipeline.model.rules.OrderEnricher;
import dev.foodpipeline.model.topics.Topics;
import dev.foodpipeline.sink.DatabaseException;
import dev.foodpipeline.sink.DatabaseSettings;
import dev.foodpipeline.sink.RejectionRow;
import dev.foodpipeline.sink.SinkTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The sink's tables in memory (the three order tables and the notifications), selected by order id
 * as SQL's {@code BETWEEN} does. {@link #sink(OrderFactory, long, long)} fills them as a working
 * pipeline would for a run; tests then tamper with the rows.
 */
public final class FakeSinkTables implements SinkTables {
  public final List<ProcessedOrder> orders = new ArrayList<>();
  public final List<ProcessedItem> items = new ArrayList<>();
  public final List<RejectionRow> rejections = new ArrayList<>();
  public final List<Notification> notifications = new ArrayList<>();
  public final List<DatabaseSettings> opened = new ArrayList<>();
  public DatabaseException unreachable;
  public boolean closed;

  /**
   * While positive, every read sees empty tables, and each count() takes one off: a pipeline still
   * draining.
   */
  public int emptyCounts;

  private final Map<Integer, Long> nextOffset = new HashMap<>();
  private long firstOffset;

  /** Records land from this offset of each partition on (a topic that already held others). */
  public FakeSinkTables startingAtOffset(long offset) {
    this.firstOffset = offset;
    return this;
  }

  public SinkTables open(DatabaseSettings settings) {
    opened.add(settings);
    if (unreachable != null) {
      throw unreachable;
    }
    return this;
  }

  /**
   * Writes what the Streams app and the sink make of sequences {@code first}..{@code
   * first+count-1}.
   */
  public FakeSinkTables sink(OrderFactory factory, long first, long count) {
    OrderEnricher enricher = new OrderEnricher();
    factory.generate(first, count).forEach(generated -> sink(factory, enricher, generated));
    return this;
  }

  /** Empties the three tables, then sinks what {@code factory} makes, as {@link #sink} does. */
  public FakeSinkTables sinkOnly(OrderFactory factory, long first, long count) {
    orders.clear();
    items.clear();
    rejections.clear();
    notifications.clear();
    return sink(factory, first, count);
  }

  private void sink(OrderFactory factory, OrderEnricher enricher, GeneratedOrder generated) {
    int partition = Topics.FOOD_ORDERS.partitionOf(generated.key());
    long offset = firstOffset + nextOffset.merge(partition, 1L, Long::sum) - 1;
    if (generated.isValid()) {
      Order order = generated.order().orElseThrow();
      OrderEnricher.Enriched enriched =
          enricher.enrich(
              order,
              factory.catalog().find(order.restaurantId()).orElseThrow(),
              new SourcePosition(Topics.FOOD_ORDERS.name(), partition, offset),
              order.createdAt().plusSeconds(1));
      // orders has a primary key: an upsert replaces the row of the same id.
      orders.removeIf(o -> o.orderId().equals(order.orderId()));
      orders.add(enriched.order());
      items.removeIf(i -> i.orderId().equals(order.orderId()));
      items.addAll(enriched.items());
      ProcessedOrder processed = enriched.order();
      notify(
          new Notification(
              "order-confirmed:" + order.orderId(),
              NotificationType.ORDER_CONFIRMED,
              processed.customerId(),
              processed.restaurantId(),
              processed.orderId(),
              "Your order is confirmed",
              processed.total(),
              processed.estimatedReadyAt(),
              null,
              null,
              null,
              processed.createdAt(),
              processed.processedAt()));
    } else {
      RejectionRow row =
          new RejectionRow(
              Topics.FOOD_ORDERS.name(),
              partition,
              offset,
              generated.key(),
              generated.expectedReason().orElseThrow().name(),
              RawText.of(generated.value()));
      rejections.add(row);
      notifyRejection(row);
    }
  }

  /** What the notification service makes of a rejection: a notification when it has a customer. */
  public void notifyRejection(RejectionRow row) {
    RejectedCustomer.of(
            new RejectedOrder(
                row.sourceTopic(),
                row.sourcePartition(),
                row.sourceOffset(),
                row.orderId(),
                null,
                null,
                row.raw(),
                null))
        .ifPresent(
            customer ->
                notify(
                    new Notification(
                        rejectedId(row),
                        NotificationType.ORDER_REJECTED,
                        customer,
                        null,
                        row.orderId(),
                        "Your order was not accepted",
                        null,
                        null,
                        row.reasonCode(),
                        null,
                        null,
                        Instant.EPOCH,
                        Instant.EPOCH)));
  }

  /** Upserts a notification on its id, as the sink does. */
  public void notify(Notification notification) {
    notifications.removeIf(n -> n.notificationId().equals(notification.notificationId()));
    notifications.add(notification);
  }

  public void replaceNotification(String id, UnaryOperator<Notification> change) {
    notifications.replaceAll(n -> n.notificationId().equals(id) ? change.apply(n) : n);
  }

  private static boolean customers(Notification n) {
    return n.type().audience() == NotificationType.Audience.CUSTOMER;
  }

  public ProcessedOrder order(String id) {
    return orders.stream().filter(o -> o.orderId().equals(id)).findFirst().orElseThrow();
  }

  public void replaceOrder(String id, UnaryOperator<ProcessedOrder> change) {
    orders.replaceAll(o -> o.orderId().equals(id) ? change.apply(o) : o);
  }

  /**
   * Changes the rejections {@code which} selects, and their notifications with them: what the
   * notification service makes of the changed row.
   */
  public void replaceRejection(Predicate<RejectionRow> which, UnaryOperator<RejectionRow> change) {
    List<RejectionRow> changed = new ArrayList<>();
    rejections.replaceAll(
        r -> {
          if (!which.test(r)) {
            return r;
          }
          notifications.removeIf(n -> n.notificationId().equals(rejectedId(r)));
          RejectionRow replacement = change.apply(r);
          changed.add(replacement);
          return replacement;
        });
    changed.forEach(this::notifyRejection);
  }

  private static String rejectedId(RejectionRow row) {
    return NotificationIds.orderRejected(
        row.sourceTopic(), row.sourcePartition(), row.sourceOffset());
  }

  private static boolean in(String id, IdRange range) {
    return id != null && id.compareTo(range.lowId()) >= 0 && id.compareTo(range.highId()) <= 0;
  }

  private boolean draining() {
    return emptyCounts > 0;
  }

  @Override
  public Counts count(IdRange range) {
    if (draining()) {
      emptyCounts--;
      return Counts.NONE;
    }
    return new Counts(
        orders.stream().filter(o -> in(o.orderId(), range)).count(),
        items.stream().filter(i -> in(i.orderId(), range)).count(),
        rejections.stream().filter(r -> in(r.orderId(), range)).count(),
        notifications.stream().filter(n -> customers(n) && in(n.orderId(), range)).count());
  }

  @Override
  public List<RejectionRow> rejectionsWithRaw(IdRange range) {
    return draining()
        ? List.of()
        : rejections.stream().filter(r -> in(r.orderId(), range)).toList();
  }

  @Override
  public List<Notification> customerNotifications(IdRange range) {
    return draining()
        ? List.of()
        : notifications.stream().filter(n -> customers(n) && in(n.orderId(), range)).toList();
  }

  @Override
  public List<Notification> notificationsNamed(Collection<String> notificationIds) {
    return draining()
        ? List.of()
        : notifications.stream().filter(n -> notificationIds.contains(n.notificationId())).toList();
  }

  @Override
  public List<ProcessedOrder> orders(IdRange range) {
    return draining() ? List.of() : orders.stream().filter(o -> in(o.orderId(), range)).toList();
  }

  @Override
  public List<ProcessedItem> items(IdRange range) {
    return draining() ? List.of() : items.stream().filter(i -> in(i.orderId(), range)).toList();
  }

  @Override
  public List<RejectionRow> rejections(IdRange range) {
    return draining()
        ? List.of()
        : rejections.stream()
            .filter(r -> in(r.orderId(), range))
            .map(
                r ->
                    new RejectionRow(
                        r.sourceTopic(),
                        r.sourcePartition(),
                        r.sourceOffset(),
                        r.orderId(),
                        r.reasonCode(),
                        null))
            .toList();
  }

  @Override
  public List<RejectionRow> rejectionsWithoutOrderId(String idPrefix) {
    return draining()
        ? List.of()
        : rejections.stream()
            .filter(r -> r.orderId() == null)
            .filter(
                r ->
                    r.raw() != null
                        && (r.raw().contains(idPrefix)
                            || r.raw().startsWith(RawText.BASE64_PREFIX)))
            .toList();
  }

  @Override
  public String describe() {
    return "the fake tables";
  }

  @Override
  public void close() {
    closed = true;
  }
}
