package dev.foodpipeline.generator.producer;

/** Waits between two sends; injected so that tests advance a fake clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  /** Waits on the signal, not in a busy loop: a stop request ends the wait at once. */
  Sleeper SYSTEM = (nanos, stop) -> stop.await(nanos);

  /**
   * Waits {@code nanos}, or less when a stop is requested.
   *
   * @return true when a stop was requested
   */
  boolean sleep(long nanos, StopSignal stop) throws InterruptedException;
}
