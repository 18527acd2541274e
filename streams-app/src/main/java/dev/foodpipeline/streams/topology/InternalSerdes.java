package dev.foodpipeline.streams.topology;

import dev.foodpipeline.model.SourcePosition;
import dev.foodpipeline.model.json.JsonSerde;
import org.apache.kafka.common.serialization.Serde;

/**
 * The serdes of the app's own topics and stores (repartition topics, changelogs): plain JSON with
 * the project's one Jackson configuration (exact decimals, ISO instants). Their format belongs to
 * this app: a change to it needs the internal topics drained or the app reset.
 */
final class InternalSerdes {
  static final Serde<Accepted> ACCEPTED = new JsonSerde<>(Accepted.class);
  static final Serde<OrderRevenue> ORDER_REVENUE = new JsonSerde<>(OrderRevenue.class);
  static final Serde<WindowTotals> WINDOW_TOTALS = new JsonSerde<>(WindowTotals.class);
  static final Serde<SourcePosition> POSITION = new JsonSerde<>(SourcePosition.class);

  private InternalSerdes() {}
}
