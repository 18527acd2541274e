package dev.foodpipeline.generator.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class ClientPropertiesTest {
  @Test
  void theProducerIsIdempotentWithAcksAll() {
    Map<String, Object> props =
        ClientProperties.producer(KafkaSettings.of("b:9092", Duration.ofSeconds(30)), "orders");

    assertThat(props)
        .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "b:9092")
        .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
        .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
        .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "order-generator-orders");
    // The producer's own config parser accepts every value.
    new ProducerConfig(withSerializers(props));
  }

  @Test
  void everyProducerWaitIsBoundedByTheTimeout() {
    Map<String, Object> props =
        ClientProperties.producer(KafkaSettings.of("b:9092", Duration.ofSeconds(2)), "orders");

    assertThat(props)
        .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000L)
        .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000)
        .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2050);
    new ProducerConfig(withSerializers(props));
  }

  @Test
  void longTimeoutsKeepRequestsAtThirtySeconds() {
    Map<String, Object> props =
        ClientProperties.producer(KafkaSettings.of("b:9092", Duration.ofMinutes(2)), "orders");

    assertThat(props)
        .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000)
        .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
  }

  @Test
  void theUsersSettingsWin() {
    KafkaSettings settings =
        new KafkaSettings(
            "b:9092",
            Duration.ofSeconds(30),
            Map.of(
                "security.protocol",
                "SASL_SSL",
                "linger.ms",
                "50",
                "acks",
                "all",
                "batch.size",
                "65536"));

    assertThat(ClientProperties.producer(settings, "orders"))
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("linger.ms", "50")
        .containsEntry("batch.size", "65536");
    assertThat(ClientProperties.admin(settings))
        .containsEntry("security.protocol", "SASL_SSL")
        .doesNotContainKeys("linger.ms", "acks", "batch.size");
  }

  @Test
  void theDeliveryTimeoutMakesRoomForTheUsersLingerAndRequestTimeout() {
    KafkaSettings settings =
        new KafkaSettings(
            "b:9092",
            Duration.ofSeconds(2),
            Map.of("linger.ms", "20", "request.timeout.ms", "3000"));
    Map<String, Object> props = ClientProperties.producer(settings, "orders");

    assertThat(props).containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3020);
    new ProducerConfig(withSerializers(props));
  }

  @Test
  void theUsersDeliveryTimeoutIsKept() {
    KafkaSettings settings =
        new KafkaSettings("b:9092", Duration.ofSeconds(2), Map.of("delivery.timeout.ms", "90000"));
    assertThat(ClientProperties.producer(settings, "orders"))
        .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "90000");
  }

  @Test
  void aNonNumericLingerIsNamed() {
    KafkaSettings settings =
        new KafkaSettings("b:9092", Duration.ofSeconds(2), Map.of("linger.ms", "soon"));
    assertThatThrownBy(() -> ClientProperties.producer(settings, "orders"))
        .hasMessage("--producer-config: linger.ms must be a number of milliseconds, was soon");
  }

  @Test
  void adminCallsAreBoundedByTheTimeout() {
    Map<String, Object> props =
        ClientProperties.admin(KafkaSettings.of("b:9092", Duration.ofSeconds(5)));

    assertThat(props)
        .containsEntry(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "b:9092")
        .containsEntry(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000)
        .containsEntry(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
  }

  @Test
  void settingsRefuseAnEmptyAddressOrTimeout() {
    assertThatThrownBy(() -> KafkaSettings.of(" ", Duration.ofSeconds(1)))
        .hasMessage("--bootstrap-servers must not be empty");
    assertThatThrownBy(() -> KafkaSettings.of("b:1", Duration.ZERO))
        .hasMessage("--timeout must be more than 0, was 0 s");
    assertThatThrownBy(() -> KafkaSettings.of("b:1", Duration.ofMillis(-1500)))
        .hasMessage("--timeout must be more than 0, was -1.5 s");
  }

  @Test
  void durationsReadAsPeopleWriteThem() {
    assertThat(Durations.format(Duration.ofSeconds(30))).isEqualTo("30 s");
    assertThat(Durations.format(Duration.ofMillis(250))).isEqualTo("250 ms");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1.5 s");
  }

  private static Map<String, Object> withSerializers(Map<String, Object> props) {
    Map<String, Object> all = new java.util.HashMap<>(props);
    all.put(
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
        org.apache.kafka.common.serialization.StringSerializer.class);
    all.put(
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
        org.apache.kafka.common.serialization.ByteArraySerializer.class);
    return all;
  }
}
