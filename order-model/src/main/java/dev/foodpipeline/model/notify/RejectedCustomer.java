package dev.foodpipeline.model.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.foodpipeline.model.RejectedOrder;
import dev.foodpipeline.model.json.InputLimits;
import dev.foodpipeline.model.json.Json;
import dev.foodpipeline.model.topics.Topics;
import java.util.Optional;

/**
 * Whom a rejection can be told about: the customer of a rejected order, when there is one to tell.
 * The notification service notifies exactly these customers, and reconcile expects exactly these
 * notifications, so both ask this one class.
 *
 * <p>A rejected record has a customer when it came from {@code food-orders} (a record a customer
 * sent; a rejection of another topic's record is an operator's matter) and its original text is a
 * JSON object whose {@code customerId} is a text that is a valid id ({@link
 * InputLimits#isValidId}). A record that is not JSON, has no such field, or names an id outside the
 * rules has nobody to notify: telling a made-up address would be worse than telling nobody.
 */
public final class RejectedCustomer {
  private RejectedCustomer() {}

  /** The customer id to notify about {@code rejection}, if it has one. */
  public static Optional<String> of(RejectedOrder rejection) {
    if (!Topics.FOOD_ORDERS.name().equals(rejection.sourceTopic()) || rejection.raw() == null) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = Json.mapper().readTree(rejection.raw());
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
    if (root == null || !root.isObject()) {
      return Optional.empty();
    }
    JsonNode customer = root.get("customerId");
    if (customer == null || !customer.isTextual() || !InputLimits.isValidId(customer.asText())) {
      return Optional.empty();
    }
    return Optional.of(customer.asText());
  }
}
