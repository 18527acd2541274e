package dev.foodpipeline.model.json;

import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.Rejection;

/**
 * What {@link OrderReader} made of a record: an order, or a rejection (with the order id if it was
 * readable).
 */
public sealed interface ParsedOrder {

  record Valid(Order order) implements ParsedOrder {}

  record Invalid(Rejection rejection, String orderId) implements ParsedOrder {}
}
