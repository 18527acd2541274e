package dev.foodpipeline.generator.producer;

/** Where a run's records go: Kafka in production, a list in tests. */
public interface OrderSender extends AutoCloseable {

  /** The outcome of one send: {@code error} is null when the record was acknowledged. */
  @FunctionalInterface
  interface Callback {
    void onCompletion(Exception error);
  }

  /**
   * Sends a record asynchronously; the callback runs once, on any thread, when the record is
   * acknowledged or has failed. May block while the client's buffer is full.
   */
  void send(String key, byte[] value, Callback callback);

  /** Blocks until every record sent so far is acknowledged or has failed. */
  void flush();

  @Override
  void close();
}
