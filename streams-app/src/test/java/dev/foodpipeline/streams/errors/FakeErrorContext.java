package dev.foodpipeline.streams.errors;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;

/**
 * The context an exception handler gets, for a record of {@code topic} at partition 1, offset 17.
 */
record FakeErrorContext(String topic, byte[] sourceRawKey, byte[] sourceRawValue)
    implements ErrorHandlerContext {
  @Override
  public int partition() {
    return 1;
  }

  @Override
  public long offset() {
    return 17L;
  }

  @Override
  public Headers headers() {
    return new RecordHeaders();
  }

  @Override
  public String processorNodeId() {
    return "key-order-items";
  }

  @Override
  public TaskId taskId() {
    return new TaskId(1, 1);
  }

  @Override
  public long timestamp() {
    return 1_000L;
  }
}
