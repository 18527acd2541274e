package dev.foodpipeline.generator.producer;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The Kafka client settings of the generator. Every wait is bounded by the settings' timeout, so an
 * unreachable broker ends a command within that time instead of hanging. The user's overrides (from
 * {@code --producer-config}) are applied last.
 */
public final class ClientProperties {
  static final String CLIENT_ID = "order-generator";

  /**
   * How long the producer waits to fill a batch. An order source taking 100 orders a second sends
   * each order alone at Kafka's default of 5 ms, a produce request per order; at 50 ms a request
   * carries about five, and the stack takes a fifth less CPU at that rate, for up to 50 ms more
   * before an order is sent (docs/benchmarks.md, "The generator's batches").
   */
  static final int LINGER_MS = 50;

  private static final long MAX_REQUEST_TIMEOUT_MS = 30_000;

  private ClientProperties() {}

  /**
   * An idempotent producer with acks=all whose sends fail within the timeout when Kafka is gone.
   */
  public static Map<String, Object> producer(KafkaSettings settings, String clientIdSuffix) {
    long timeoutMs = settings.timeout().toMillis();
    long requestTimeoutMs = Math.min(MAX_REQUEST_TIMEOUT_MS, timeoutMs);
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    props.put(ProducerConfig.CLIENT_ID_CONFIG, CLIENT_ID + "-" + clientIdSuffix);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) requestTimeoutMs);
    props.putAll(settings.clientOverrides());
    if (!settings.clientOverrides().containsKey(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)) {
      // The producer requires delivery.timeout.ms >= linger.ms + request.timeout.ms, with the
      // user's values too.
      long linger = millis(props, ProducerConfig.LINGER_MS_CONFIG);
      long request = millis(props, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG);
      props.put(
          ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
          (int) Math.min(Integer.MAX_VALUE, Math.max(timeoutMs, linger + request)));
    }
    return props;
  }

  /**
   * An admin client whose calls time out within the timeout; it takes only the overrides it knows.
   */
  public static Map<String, Object> admin(KafkaSettings settings) {
    long timeoutMs = settings.timeout().toMillis();
    Map<String, Object> props = new HashMap<>();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, CLIENT_ID + "-admin");
    props.put(
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
        (int) Math.min(MAX_REQUEST_TIMEOUT_MS, timeoutMs));
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMs);
    props.putAll(known(settings.clientOverrides(), AdminClientConfig.configNames()));
    return props;
  }

  /** A setting in milliseconds, whether we put it as a number or the user wrote it as text. */
  private static long millis(Map<String, Object> props, String name) {
    Object value = props.get(name);
    try {
      return value instanceof Number number
          ? number.longValue()
          : Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new InvalidSettingException(
          "--producer-config: " + name + " must be a number of milliseconds, was " + value);
    }
  }

  private static Map<String, String> known(Map<String, String> overrides, Set<String> names) {
    Map<String, String> known = new HashMap<>(overrides);
    known.keySet().retainAll(names);
    return known;
  }
}
