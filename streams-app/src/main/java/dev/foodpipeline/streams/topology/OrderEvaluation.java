package dev.foodpipeline.streams.topology;

import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.Rejection;
import dev.foodpipeline.model.rules.OrderEnricher;
import dev.foodpipeline.model.rules.OrderValidator;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a readable order against the rules and its restaurant, and prices the valid ones. One
 * processing time per record (from the injected clock) is used for the range check, {@code
 * processedAt} and {@code rejectedAt}. Never throws: an unexpected exception becomes a {@code
 * PROCESSING_ERROR} rejection.
 */
public final class OrderEvaluation {
  private static final Logger log = LoggerFactory.getLogger(OrderEvaluation.class);

  private final Clock clock;
  private final OrderValidator validator;
  private final OrderEnricher enricher;
  private final Rejections rejections;

  public OrderEvaluation(TopologySettings settings) {
    this.clock = settings.clock();
    this.validator = new OrderValidator(settings.limits());
    this.enricher = new OrderEnricher(settings.pricing());
    this.rejections = new Rejections(settings.maxRawChars());
  }

  public OrderOutcome evaluate(OrderWithRestaurant joined) {
    InputOrder input = joined.input();
    Order order = input.order();
    Instant now = clock.instant();
    try {
      Optional<Rejection> rejection = validator.validate(order, joined.restaurant(), now);
      if (rejection.isPresent()) {
        return new Rejected(
            rejections.reject(input.source(), order.orderId(), rejection.get(), input.raw(), now));
      }
      OrderEnricher.Enriched enriched =
          enricher.enrich(order, joined.restaurant(), input.source(), now);
      return new Accepted(input.source(), input.raw(), enriched.order(), enriched.items());
    } catch (RuntimeException e) {
      log.error(
          "Checking order {} at {} failed unexpectedly; rejecting it as PROCESSING_ERROR",
          order.orderId(),
          input.source(),
          e);
      return new Rejected(
          rejections.reject(
              input.source(), order.orderId(), Rejections.processingError(e), input.raw(), now));
    }
  }
}
