package dev.foodpipeline.notify.topology;

/**
 * One restaurant's load in the kitchen-load store; the creation times of its orders in the window
 * are in the kitchen-orders store, by the second ({@link KitchenLoad}).
 *
 * @param count how many of its accepted orders are in the window
 * @param clockMs the latest event time seen for it (an order's creation, or a check's wall clock)
 * @param capacity its capacity as of its latest order
 * @param overloadedBy the order that made it overloaded, while it is; else null
 */
record KitchenState(long count, long clockMs, long capacity, String overloadedBy) {}
