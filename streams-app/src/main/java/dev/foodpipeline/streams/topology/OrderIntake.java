package dev.foodpipeline.streams.topology;

import dev.foodpipeline.model.SourcePosition;
import dev.foodpipeline.model.json.OrderReader;
import dev.foodpipeline.model.json.ParsedOrder;
import java.time.Clock;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one {@code food-orders} record: an {@link InputOrder} when the bytes are an order, else a
 * {@link Rejected} with the reader's reason. Never throws: an unexpected exception becomes a {@code
 * PROCESSING_ERROR} rejection.
 *
 * <p>The rejection's order id is the one in the payload when it could be read and is a valid id,
 * else the record key (the producer's order id by contract) when that is a valid id, else null.
 */
public final class OrderIntake {
  private static final Logger log = LoggerFactory.getLogger(OrderIntake.class);

  private final BiFunction<String, byte[], ParsedOrder> reader;
  private final Clock clock;
  private final Rejections rejections;

  public OrderIntake(TopologySettings settings) {
    this(new OrderReader(settings.maxRecordBytes())::read, settings);
  }

  OrderIntake(BiFunction<String, byte[], ParsedOrder> reader, TopologySettings settings) {
    this.reader = reader;
    this.clock = settings.clock();
    this.rejections = new Rejections(settings.maxRawChars());
  }

  public ReadResult read(SourcePosition source, String key, byte[] value) {
    try {
      ParsedOrder parsed = reader.apply(key, value);
      if (parsed instanceof ParsedOrder.Valid valid) {
        return new InputOrder(source, value, valid.order());
      }
      ParsedOrder.Invalid invalid = (ParsedOrder.Invalid) parsed;
      String orderId = invalid.orderId() != null ? invalid.orderId() : key;
      return new Rejected(
          rejections.reject(source, orderId, invalid.rejection(), value, clock.instant()));
    } catch (RuntimeException e) {
      log.error(
          "Reading the record at {} (key {}) failed unexpectedly; rejecting it as PROCESSING_ERROR",
          source,
          key,
          e);
      return new Rejected(
          rejections.reject(source, key, Rejections.processingError(e), value, clock.instant()));
    }
  }
}
