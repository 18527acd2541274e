package dev.foodpipeline.generator.producer;

/** A monotonic time source in nanoseconds, injected so that pacing and run limits can be tested. */
@FunctionalInterface
public interface Ticker {
  Ticker SYSTEM = System::nanoTime;

  long nanoTime();
}
