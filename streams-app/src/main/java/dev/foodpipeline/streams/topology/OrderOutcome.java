package dev.foodpipeline.streams.topology;

/** What checking one readable order gave: an accepted, priced order, or a rejection. */
public sealed interface OrderOutcome permits Accepted, Rejected {}
