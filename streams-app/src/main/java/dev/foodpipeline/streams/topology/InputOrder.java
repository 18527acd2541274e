package dev.foodpipeline.streams.topology;

import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.SourcePosition;

/**
 * A {@code food-orders} record that read as an {@link Order}, with where it came from and its
 * original bytes (kept for the rejection, should a rule reject it).
 */
public record InputOrder(SourcePosition source, byte[] raw, Order order) implements ReadResult {}
