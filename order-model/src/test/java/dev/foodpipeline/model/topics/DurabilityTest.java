package dev.foodpipeline.model.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurabilityTest {

  @ParameterizedTest(name = "{0} broker(s): RF {1}, min.insync.replicas {2}")
  @CsvSource({"1, 1, 1", "2, 2, 1", "3, 3, 2", "5, 3, 2", "100, 3, 2"})
  void followsTheNumberOfBrokers(int brokers, short replicationFactor, int minInsync) {
    assertThat(Durability.forBrokers(brokers))
        .isEqualTo(new Durability(replicationFactor, minInsync));
  }

  @Test
  void aReplicationFactorChosenByHandKeepsOneReplicaSpare() {
    assertThat(Durability.withReplicationFactor((short) 5)).isEqualTo(new Durability((short) 5, 4));
    assertThat(Durability.withReplicationFactor((short) 1)).isEqualTo(new Durability((short) 1, 1));
  }

  @Test
  void impossibleValuesAreRefused() {
    assertThatThrownBy(() -> Durability.forBrokers(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Durability((short) 2, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("min.insync.replicas must be between 1 and the replication factor 2, was 3");
    assertThatThrownBy(() -> new Durability((short) 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
