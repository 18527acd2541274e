package dev.foodpipeline.streams.topology;

import dev.foodpipeline.model.ProcessedItem;
import dev.foodpipeline.model.ProcessedOrder;
import java.util.List;

/** A valid order, enriched and priced, with its lines. */
public record Accepted(ProcessedOrder order, List<ProcessedItem> items) implements OrderOutcome {
  public Accepted {
    items = List.copyOf(items);
  }
}
