package dev.foodpipeline.notify.topology;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.RejectedOrder;
import dev.foodpipeline.model.Rejection;
import dev.foodpipeline.model.SourcePosition;
import dev.foodpipeline.model.connect.CompactJson;
import dev.foodpipeline.model.connect.ConnectMappings;
import dev.foodpipeline.model.json.InputLimits;
import dev.foodpipeline.model.json.Json;
import dev.foodpipeline.model.json.RawText;
import dev.foodpipeline.model.sink.OrdersTable;
import dev.foodpipeline.model.topics.Topics;
import dev.foodpipeline.shell.Errors;
import dev.foodpipeline.shell.streams.CommitPacer;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a record of {@code food-orders-processed} from its bytes, so that no record can fail a
 * deserializer: an order the service can tell its customer about, or the rejection of a record some
 * other producer wrote (not JSON, not an object, wrong or missing fields, an id outside the rules),
 * with its position and original text as {@link RejectedOrder} holds it.
 */
final class ReadProcessedOrder implements Processor<byte[], byte[], byte[], ProcessedInput> {
  private static final Logger log = LoggerFactory.getLogger(ReadProcessedOrder.class);

  /** The longest original text a rejection keeps (as streams-app's). */
  static final int MAX_RAW_CHARS = 64 * 1024;

  /** The longest restaurant name a message quotes. */
  static final int MAX_NAME_CHARS = 200;

  private final Counters counters;
  private final CommitPacer pacer;
  private ProcessorContext<byte[], ProcessedInput> context;

  ReadProcessedOrder(Counters counters, CommitPacer pacer) {
    this.counters = counters;
    this.pacer = pacer;
  }

  @Override
  public void init(ProcessorContext<byte[], ProcessedInput> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    pacer.read(context);
    SourcePosition source =
        context
            .recordMetadata()
            .map(m -> new SourcePosition(m.topic(), m.partition(), m.offset()))
            .orElse(new SourcePosition(Topics.FOOD_ORDERS_PROCESSED.name(), -1, -1));
    ProcessedInput input;
    try {
      input = read(record.value(), source);
    } catch (RuntimeException e) {
      input =
          reject(
              source,
              null,
              Rejection.of(ReasonCode.PROCESSING_ERROR, "unexpected %s", e),
              record.value());
    }
    if (input instanceof ProcessedInput.Unreadable unreadable) {
      long count = counters.malformedProcessed.incrementAndGet();
      if (Long.bitCount(count) == 1) {
        log.warn(
            "A record of {} at {} is not a processed order, written to {} as {} ({} so far): {}",
            source.topic(),
            source,
            Topics.FOOD_ORDERS_REJECTED.name(),
            unreadable.rejection().reasonCode(),
            count,
            unreadable.rejection().reason());
      }
    }
    context.forward(record.withValue(input));
  }

  private ProcessedInput read(byte[] value, SourcePosition source) {
    if (value == null || value.length == 0) {
      return reject(
          source, null, new Rejection(ReasonCode.MALFORMED_JSON, "an empty record"), value);
    }
    JsonNode root;
    try {
      root = Json.mapper().readTree(value);
    } catch (IOException e) {
      return reject(
          source,
          null,
          Rejection.of(ReasonCode.MALFORMED_JSON, "not JSON: %s", jsonProblem(e)),
          value);
    }
    if (root == null || !root.isObject()) {
      return reject(
          source,
          null,
          new Rejection(
              ReasonCode.SCHEMA_VIOLATION, "not a JSON object: a processed order is expected"),
          value);
    }
    JsonNode idNode = root.path(OrdersTable.ORDER_ID.name());
    String orderId = idNode.isTextual() ? InputLimits.validIdOrNull(idNode.asText()) : null;
    ProcessedOrder order;
    try {
      order =
          ConnectMappings.PROCESSED_ORDER.fromStruct(
              CompactJson.read(ConnectMappings.PROCESSED_ORDER.schema(), root));
    } catch (DataException e) {
      return reject(
          source,
          orderId,
          Rejection.of(ReasonCode.SCHEMA_VIOLATION, "not a processed order: %s", e.getMessage()),
          value);
    }
    Optional<Rejection> problem = problem(order);
    return problem.isPresent()
        ? reject(source, orderId, problem.get(), value)
        : new ProcessedInput.Readable(order);
  }

  /** What a customer notification needs and the order does not have, if anything. */
  static Optional<Rejection> problem(ProcessedOrder order) {
    if (order == null) {
      return Optional.of(new Rejection(ReasonCode.SCHEMA_VIOLATION, "the payload is null"));
    }
    String missing =
        order.orderId() == null
            ? "orderId"
            : order.customerId() == null
                ? "customerId"
                : order.restaurantId() == null
                    ? "restaurantId"
                    : order.restaurantName() == null
                        ? "restaurantName"
                        : order.total() == null
                            ? "total"
                            : order.createdAt() == null
                                ? "createdAt"
                                : order.estimatedReadyAt() == null ? "estimatedReadyAt" : null;
    if (missing != null) {
      return Optional.of(new Rejection(ReasonCode.SCHEMA_VIOLATION, missing + " is missing"));
    }
    return InputLimits.idProblem("orderId", order.orderId())
        .or(() -> InputLimits.idProblem("customerId", order.customerId()))
        .or(() -> InputLimits.idProblem("restaurantId", order.restaurantId()))
        .or(() -> InputLimits.textProblem("restaurantName", order.restaurantName(), MAX_NAME_CHARS))
        .map(reason -> new Rejection(ReasonCode.INVALID_VALUE, reason));
  }

  private ProcessedInput reject(
      SourcePosition source, String orderId, Rejection rejection, byte[] value) {
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    return new ProcessedInput.Unreadable(
        RejectedOrder.of(source, orderId, rejection, RawText.bounded(value, MAX_RAW_CHARS), now));
  }

  /** Jackson's message without the location it appends (which quotes the input). */
  private static String jsonProblem(IOException e) {
    String message =
        e instanceof JacksonException json ? json.getOriginalMessage() : e.getMessage();
    return Errors.oneLine(message == null ? e.getClass().getSimpleName() : message);
  }
}
