package dev.foodpipeline.generator.fakes;

import dev.foodpipeline.generator.producer.OrderSender;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * An {@link OrderSender} that keeps what it is sent and completes each send at {@link #flush()}, as
 * a producer does: successfully, or with an error for keys the test chooses.
 */
public final class RecordingSender implements OrderSender {
  /** One record it was sent. */
  public record Sent(String key, byte[] value) {}

  private final List<Sent> sent = new ArrayList<>();
  private final List<Callback> pending = new ArrayList<>();
  private final List<Boolean> pendingFails = new ArrayList<>();
  private Predicate<String> failing = key -> false;
  private Runnable onSend = () -> {};
  private RuntimeException throwOnSend;
  private boolean closed;

  public RecordingSender failing(Predicate<String> keys) {
    this.failing = keys;
    return this;
  }

  public RecordingSender onSend(Runnable action) {
    this.onSend = action;
    return this;
  }

  public RecordingSender throwingOnSend(RuntimeException error) {
    this.throwOnSend = error;
    return this;
  }

  @Override
  public synchronized void send(String key, byte[] value, Callback callback) {
    if (throwOnSend != null) {
      throw throwOnSend;
    }
    sent.add(new Sent(key, value));
    pending.add(callback);
    pendingFails.add(failing.test(key));
    onSend.run();
  }

  @Override
  public synchronized void flush() {
    for (int i = 0; i < pending.size(); i++) {
      pending
          .get(i)
          .onCompletion(pendingFails.get(i) ? new IllegalStateException("broker said no") : null);
    }
    pending.clear();
    pendingFails.clear();
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  public synchronized List<Sent> sent() {
    return List.copyOf(sent);
  }

  public synchronized boolean closed() {
    return closed;
  }
}
