package dev.foodpipeline.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.model.ProcessedItem;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.RejectedOrder;
import dev.foodpipeline.model.StoredText;
import dev.foodpipeline.model.json.InputLimits;
import dev.foodpipeline.model.topics.Topic;
import dev.foodpipeline.model.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The pipeline's invariant against hostile input, on the real topology ({@link OrderTopology#build}
 * with the app's own Streams properties, in a {@link org.apache.kafka.streams.TopologyTestDriver}):
 * whatever the key and value of a {@code food-orders} record, it leaves as exactly one processed
 * order (with its items) or exactly one rejection; no exception escapes; no rejection is a {@code
 * PROCESSING_ERROR} (the mark of a bug); every output record fits the broker's default maximum
 * message size; and every text bound for PostgreSQL is storable (no control character, no lone
 * surrogate, ids in the id alphabet).
 */
@Tag("property")
class HostileInputPropertyTest {
  /**
   * The broker's default {@code message.max.bytes} (1 MiB + 12), less a margin for the record's own
   * overhead in its batch.
   */
  static final int MAX_OUTPUT_BYTES = 1024 * 1024 - 1024;

  private Path stateDir;
  private PipelineDriver pipeline;
  private TestInputTopic<byte[], byte[]> orders;
  private TestOutputTopic<byte[], byte[]> processed;
  private TestOutputTopic<byte[], byte[]> items;
  private TestOutputTopic<byte[], byte[]> rejected;

  @BeforeProperty
  void startDriver() throws IOException {
    stateDir = Files.createTempDirectory("hostile-input");
    pipeline = new PipelineDriver(stateDir);
    orders =
        pipeline.driver.createInputTopic(
            Topics.FOOD_ORDERS.name(), new ByteArraySerializer(), new ByteArraySerializer());
    processed = rawOutput(Topics.FOOD_ORDERS_PROCESSED);
    items = rawOutput(Topics.FOOD_ORDER_ITEMS);
    rejected = rawOutput(Topics.FOOD_ORDERS_REJECTED);
  }

  @AfterProperty
  void closeDriver() throws IOException {
    pipeline.close();
    try (Stream<Path> files = Files.walk(stateDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(HostileInputPropertyTest::delete);
    }
  }

  @Provide
  Arbitrary<HostileInputs.Input> hostileRecords() {
    return HostileInputs.inputs();
  }

  @Property(tries = 3000)
  void everyRecordLeavesAsOneOrderOrOneRejectionThatFits(
      @ForAll("hostileRecords") HostileInputs.Input input) {
    orders.pipeInput(input.key(), input.value());

    List<TestRecord<byte[], byte[]>> orderRecords = processed.readRecordsToList();
    List<TestRecord<byte[], byte[]>> itemRecords = items.readRecordsToList();
    List<TestRecord<byte[], byte[]>> rejections = rejected.readRecordsToList();

    assertThat(orderRecords.size() + rejections.size()).as("outputs of %s", input).isEqualTo(1);
    Stream.of(orderRecords, itemRecords, rejections)
        .flatMap(List::stream)
        .forEach(record -> assertThat(sizeOf(record)).isLessThanOrEqualTo(MAX_OUTPUT_BYTES));
    if (rejections.isEmpty()) {
      ProcessedOrder order = read(Topics.FOOD_ORDERS_PROCESSED, orderRecords.get(0));
      assertStorable(order);
      assertThat(itemRecords).isNotEmpty();
      itemRecords.forEach(item -> assertStorable(read(Topics.FOOD_ORDER_ITEMS, item), order));
      Statistics.label("outcome").collect("ACCEPTED");
    } else {
      RejectedOrder rejection = read(Topics.FOOD_ORDERS_REJECTED, rejections.get(0));
      assertThat(itemRecords).isEmpty();
      assertThat(rejection.reasonCode())
          .as("%s of %s", rejection, input)
          .isNotEqualTo(ReasonCode.PROCESSING_ERROR);
      assertStorable(rejection);
      Statistics.label("outcome").collect(rejection.reasonCode().name());
    }
  }

  private static void assertStorable(ProcessedOrder order) {
    Stream.of(order.orderId(), order.customerId(), order.restaurantId())
        .forEach(id -> assertThat(InputLimits.isValidId(id)).as(id).isTrue());
    Stream.of(order.deliveryStreet(), order.deliveryCity(), order.deliveryPostalCode())
        .forEach(text -> assertClean(text, false));
  }

  private static void assertStorable(ProcessedItem item, ProcessedOrder order) {
    assertThat(item.orderId()).isEqualTo(order.orderId());
    assertThat(InputLimits.isValidId(item.menuItemId())).isTrue();
  }

  private static void assertStorable(RejectedOrder rejection) {
    if (rejection.orderId() != null) {
      assertThat(InputLimits.isValidId(rejection.orderId())).as(rejection.orderId()).isTrue();
    }
    assertThat(rejection.reason()).hasSizeLessThanOrEqualTo(1000);
    assertClean(rejection.reason(), false);
    if (rejection.raw() != null) {
      assertClean(rejection.raw(), true);
    }
  }

  private static void assertClean(String text, boolean lineBreaksAllowed) {
    assertThat(StoredText.clean(text, lineBreaksAllowed)).as("stored text").isEqualTo(text);
  }

  private static int sizeOf(TestRecord<byte[], byte[]> record) {
    return (record.key() == null ? 0 : record.key().length)
        + (record.value() == null ? 0 : record.value().length);
  }

  private static <K, V> V read(Topic<K, V> topic, TestRecord<byte[], byte[]> record) {
    return topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
  }

  private <K, V> TestOutputTopic<byte[], byte[]> rawOutput(Topic<K, V> topic) {
    return pipeline.driver.createOutputTopic(
        topic.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
