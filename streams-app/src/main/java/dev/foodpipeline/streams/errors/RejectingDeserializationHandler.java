package dev.foodpipeline.streams.errors;

import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * {@code deserialization.exception.handler}: a record whose key or value cannot be deserialized
 * becomes a {@code PROCESSING_ERROR} rejection, and processing goes on. A safety net: orders are
 * read as String/bytes (which cannot fail) and restaurants with a lenient serde.
 */
public final class RejectingDeserializationHandler implements DeserializationExceptionHandler {
  private final HandlerRejections rejections;

  public RejectingDeserializationHandler() {
    this(Clock.systemUTC());
  }

  RejectingDeserializationHandler(Clock clock) {
    this.rejections = new HandlerRejections(clock);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    return Response.resume(rejections.forInput(context, "deserialization", exception));
  }

  @Override
  public void configure(Map<String, ?> configs) {}
}
