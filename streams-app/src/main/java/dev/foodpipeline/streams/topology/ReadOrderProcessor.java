package dev.foodpipeline.streams.topology;

import dev.foodpipeline.model.SourcePosition;
import dev.foodpipeline.shell.streams.CommitPacer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * The first processor: captures where the record came from (topic, partition, offset) and reads it
 * with {@link OrderIntake}. The key is kept. The topology's {@link CommitPacer} counts the record.
 */
final class ReadOrderProcessor implements FixedKeyProcessor<String, byte[], ReadResult> {
  /** Only for records without metadata, which a source-fed processor never sees. */
  static final SourcePosition UNKNOWN_POSITION = new SourcePosition("unknown", -1, -1L);

  private final OrderIntake intake;
  private final CommitPacer pacer;
  private FixedKeyProcessorContext<String, ReadResult> context;

  ReadOrderProcessor(OrderIntake intake, CommitPacer pacer) {
    this.intake = intake;
    this.pacer = pacer;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, ReadResult> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, byte[]> record) {
    SourcePosition source =
        context
            .recordMetadata()
            .map(meta -> new SourcePosition(meta.topic(), meta.partition(), meta.offset()))
            .orElse(UNKNOWN_POSITION);
    context.forward(record.withValue(intake.read(source, record.key(), record.value())));
    pacer.read(context);
  }
}
