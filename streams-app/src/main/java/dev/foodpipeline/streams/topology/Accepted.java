package dev.foodpipeline.streams.topology;

import dev.foodpipeline.model.ProcessedItem;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.SourcePosition;
import java.util.List;

/**
 * A valid order, enriched and priced, with its lines, where it came from and its original bytes
 * (kept for the rejection, should it turn out to be a duplicate). Travels through the {@code
 * orders-by-id} repartition topic as JSON when it was read from another partition than its id's.
 */
public record Accepted(
    SourcePosition source, byte[] raw, ProcessedOrder order, List<ProcessedItem> items)
    implements OrderOutcome {
  public Accepted {
    items = List.copyOf(items);
  }
}
