package dev.foodpipeline.streams.errors;

import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code production.exception.handler}:
 *
 * <ul>
 *   <li>an output that cannot be serialized (a bug: the input is fine, our record is not) becomes a
 *       {@code PROCESSING_ERROR} rejection of the input, and processing goes on;
 *   <li>a send that failed with a retriable error is retried;
 *   <li>any other send error fails the task: under exactly-once the transaction is aborted anyway,
 *       the stream thread is replaced and the input is processed again, so nothing is lost, and the
 *       error is logged.
 * </ul>
 *
 * <p>An error that the same input would cause every time must therefore never reach this handler as
 * a send error: a record too large to produce, above all. Rejections are bounded where they are
 * built ({@code Rejections}, decision 10 in {@code docs/decisions.md}) and accepted orders by the
 * input limits of {@code OrderReader}, so no input makes an output of more than a few hundred KiB
 * ({@code HostileInputPropertyTest} checks it).
 */
public final class RejectingProductionHandler implements ProductionExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(RejectingProductionHandler.class);

  private final HandlerRejections rejections;

  public RejectingProductionHandler() {
    this(Clock.systemUTC());
  }

  RejectingProductionHandler(Clock clock) {
    this.rejections = new HandlerRejections(clock);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
    if (exception instanceof RetriableException) {
      log.warn(
          "Sending to {} failed with a retriable error, retrying: {}",
          record.topic(),
          exception.toString());
      return Response.retry();
    }
    log.error(
        "Sending to {} failed for the input at {}-{}@{}; failing the task so that it is processed again",
        record.topic(),
        context.topic(),
        context.partition(),
        context.offset(),
        exception);
    return Response.fail();
  }

  @Override
  @SuppressWarnings("rawtypes") // the interface's own signature
  public Response handleSerializationError(
      ErrorHandlerContext context,
      ProducerRecord record,
      Exception exception,
      SerializationExceptionOrigin origin) {
    String stage =
        "serializing the "
            + origin.name().toLowerCase(java.util.Locale.ROOT)
            + " for "
            + record.topic();
    return Response.resume(rejections.forInput(context, stage, exception));
  }

  @Override
  public void configure(Map<String, ?> configs) {}
}
