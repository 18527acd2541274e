package dev.foodpipeline.notify.topology;

/**
 * An accepted order as the kitchen load counts it: its id, its creation (event time, epoch ms) and
 * its restaurant's preparation time (null when the restaurant is not in the catalogue).
 */
record KitchenOrder(String orderId, long createdAtMs, Integer prepMinutes) {}
