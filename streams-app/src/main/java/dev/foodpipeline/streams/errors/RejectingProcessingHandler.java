package dev.foodpipeline.streams.errors;

import java.time.Clock;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * {@code processing.exception.handler}: an exception thrown by a processor becomes a {@code
 * PROCESSING_ERROR} rejection of the input, and processing goes on. Our own processors catch per
 * record already, so this only sees failures of the framework's nodes (a bug either way).
 */
public final class RejectingProcessingHandler implements ProcessingExceptionHandler {
  private final HandlerRejections rejections;

  public RejectingProcessingHandler() {
    this(Clock.systemUTC());
  }

  RejectingProcessingHandler(Clock clock) {
    this.rejections = new HandlerRejections(clock);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    return Response.resume(
        rejections.forInput(context, "processor " + context.processorNodeId(), exception));
  }

  @Override
  public void configure(Map<String, ?> configs) {}
}
