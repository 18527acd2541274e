package dev.foodpipeline.streams;

import java.util.Optional;

/**
 * What the HTTP endpoints look at: the app the run loop runs now, or, between apps, what the run
 * loop is waiting for (Kafka, a topic, the next start after a failure). The HTTP server outlives
 * the apps the run loop starts and replaces.
 */
public final class CurrentApp {
  private volatile StreamsApp app;
  private volatile String waitingFor = "the first start";
  private volatile boolean stopping;

  /** The app that runs now, if any. */
  public Optional<StreamsApp> app() {
    return Optional.ofNullable(app);
  }

  /** What the instance waits for while no app runs, e.g. "Kafka at 127.0.0.1:9092". */
  public String waitingFor() {
    return waitingFor;
  }

  /** True once a stop was requested: the instance is going away. */
  public boolean stopping() {
    return stopping;
  }

  /** The run loop has started {@code app}. */
  public void running(StreamsApp app) {
    this.app = app;
  }

  /** No app runs; the run loop waits for {@code what}. */
  public void waiting(String what) {
    this.app = null;
    this.waitingFor = what;
  }

  /** A stop was requested. */
  public void stop() {
    this.stopping = true;
  }
}
