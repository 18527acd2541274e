package dev.foodpipeline.streams.topology;

import dev.foodpipeline.model.RejectedOrder;
import java.util.Objects;

/** An input record that will not become an order, with the reason and the original text. */
public record Rejected(RejectedOrder rejection) implements ReadResult, OrderOutcome {
  public Rejected {
    Objects.requireNonNull(rejection, "rejection");
  }
}
