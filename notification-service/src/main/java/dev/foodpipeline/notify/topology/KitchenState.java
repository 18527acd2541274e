package dev.foodpipeline.notify.topology;

import java.util.List;

/**
 * One restaurant's load in the kitchen-load store.
 *
 * @param createdAtMs the creation times of its accepted orders in the window, ascending
 * @param clockMs the latest event time seen for it (an order's creation, or a check's wall clock)
 * @param capacity its capacity as of its latest order
 * @param overloadedBy the order that made it overloaded, while it is; else null
 */
record KitchenState(List<Long> createdAtMs, long clockMs, long capacity, String overloadedBy) {
  KitchenState {
    createdAtMs = List.copyOf(createdAtMs);
  }
}
