package dev.foodpipeline.notify;

import java.util.Optional;

/**
 * What the HTTP endpoints look at: the Streams client the run loop runs now, or what the run loop
 * waits for. The HTTP server and the delivery feed outlive the clients the run loop replaces.
 */
public final class CurrentService {
  private volatile NotificationService service;
  private volatile String waitingFor = "the first start";
  private volatile boolean stopping;

  public Optional<NotificationService> service() {
    return Optional.ofNullable(service);
  }

  public String waitingFor() {
    return waitingFor;
  }

  public boolean stopping() {
    return stopping;
  }

  public void running(NotificationService service) {
    this.service = service;
  }

  public void waiting(String what) {
    this.service = null;
    this.waitingFor = what;
  }

  public void stop() {
    this.stopping = true;
  }
}
