package dev.foodpipeline.infra.stack;

import java.util.List;
import java.util.Optional;

/**
 * One component of the local stack as {@code config/local-stack.properties} describes it.
 *
 * @param name its name in the description, e.g. {@code kafka}, {@code streams}
 * @param ports the host ports it binds on 127.0.0.1, the one its clients use first; empty when it
 *     binds none
 * @param instances how many of it the stack starts (1 unless the description says otherwise)
 * @param jvm its JVM flags; empty when the description gives none
 * @param readiness when the stack goes on to the next component; empty for a command that is not
 *     part of the start order
 * @param metrics where it serves Prometheus metrics; empty for a component that serves none
 */
public record Component(
    String name,
    List<Integer> ports,
    int instances,
    List<String> jvm,
    Optional<Readiness> readiness,
    Optional<Metrics> metrics) {

  public Component {
    ports = List.copyOf(ports);
    jvm = List.copyOf(jvm);
  }

  /** The port its clients use (the first one). */
  public int port() {
    if (ports.isEmpty()) {
      throw new IllegalStateException(name + " binds no port in the local stack's description");
    }
    return ports.get(0);
  }

  /** The port of instance {@code n} (from 1): the first port + n - 1. */
  public int port(int instance) {
    if (instance < 1) {
      throw new IllegalArgumentException("instance numbers start at 1, got " + instance);
    }
    return port() + instance - 1;
  }

  /** The readiness check; the component must have one. */
  public Readiness ready() {
    return readiness.orElseThrow(
        () ->
            new IllegalStateException(
                name + " has no readiness check in the local stack's description"));
  }

  /**
   * The HTTP readiness check, for a component that answers one.
   *
   * @throws IllegalStateException when its readiness is of another kind
   */
  public Readiness.HttpOk httpCheck() {
    if (ready() instanceof Readiness.HttpOk http) {
      return http;
    }
    throw new IllegalStateException(
        name + " has no HTTP readiness check in the local stack's description: " + ready());
  }
}
