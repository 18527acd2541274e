package dev.foodpipeline.streams.topology;

import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.Rejection;
import dev.foodpipeline.model.SourcePosition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the first accepted order of each order id through and turns a later one into a {@code
 * DUPLICATE_ORDER} rejection, for as long as the id is remembered. Every order of one id reaches
 * the same task and store: read from its id's partition, or repartitioned to it by order id ({@link
 * OrderTopology}); the record key may be the producer's, so the id is the order's own.
 *
 * <p>The store ({@value OrderTopology#ORDER_IDS_STORE}) is a window store: each accepted order id
 * is put at the processing time it was accepted, and the store drops whole segments once they are
 * older than the retention, so it never grows beyond the ids of one retention period (no scan, no
 * punctuator). A lookup only considers entries of the last {@code retention}, so an id is
 * remembered for exactly that long. The store is changelogged, and under exactly-once its updates
 * commit with the outputs: after a crash, the restored store holds exactly the ids whose orders
 * were written.
 *
 * <p>Only accepted orders claim their id: a rejected order (bad price, say) does not, so a
 * corrected order with the same id is accepted.
 */
final class OrderDeduplicator implements FixedKeyProcessor<String, Accepted, OrderOutcome> {
  private static final Logger log = LoggerFactory.getLogger(OrderDeduplicator.class);

  private final Clock clock;
  private final Duration retention;
  private final Rejections rejections;
  private FixedKeyProcessorContext<String, OrderOutcome> context;
  private WindowStore<String, SourcePosition> seen;

  OrderDeduplicator(TopologySettings settings) {
    this.clock = settings.clock();
    this.retention = settings.dedupRetention();
    this.rejections = new Rejections(settings.maxRawChars());
  }

  @Override
  public void init(FixedKeyProcessorContext<String, OrderOutcome> context) {
    this.context = context;
    this.seen = context.getStateStore(OrderTopology.ORDER_IDS_STORE);
  }

  @Override
  public void process(FixedKeyRecord<String, Accepted> record) {
    Accepted accepted = record.value();
    String orderId = accepted.order().orderId();
    Instant now = clock.instant();
    try {
      KeyValue<Long, SourcePosition> first = firstSeen(orderId, now);
      if (first == null) {
        seen.put(orderId, accepted.source(), now.toEpochMilli());
        context.forward(record.withValue(accepted));
        return;
      }
      Rejection duplicate =
          new Rejection(
              ReasonCode.DUPLICATE_ORDER,
              "order id "
                  + orderId
                  + " was already accepted at "
                  + Instant.ofEpochMilli(first.key)
                  + " (the order at "
                  + first.value
                  + "); order ids are remembered for "
                  + retention);
      context.forward(
          record.withValue(
              new Rejected(
                  rejections.reject(accepted.source(), orderId, duplicate, accepted.raw(), now))));
    } catch (RuntimeException e) {
      log.error(
          "Checking order {} at {} for a duplicate failed unexpectedly; rejecting it as PROCESSING_ERROR",
          orderId,
          accepted.source(),
          e);
      context.forward(
          record.withValue(
              new Rejected(
                  rejections.reject(
                      accepted.source(),
                      orderId,
                      Rejections.processingError(e),
                      accepted.raw(),
                      now))));
    }
  }

  /** When and where the id was first accepted within the retention, or null. */
  private KeyValue<Long, SourcePosition> firstSeen(String orderId, Instant now) {
    long from = now.minus(retention).toEpochMilli() + 1;
    // Up to one retention ahead too: a clock that stepped back must not forget an id.
    long to = now.plus(retention).toEpochMilli();
    try (WindowStoreIterator<SourcePosition> entries = seen.fetch(orderId, from, to)) {
      return entries.hasNext() ? entries.next() : null;
    }
  }
}
