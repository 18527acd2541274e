package dev.foodpipeline.streams.topology;

/** What reading one {@code food-orders} record gave: an order to check, or a rejection. */
public sealed interface ReadResult permits InputOrder, Rejected {}
