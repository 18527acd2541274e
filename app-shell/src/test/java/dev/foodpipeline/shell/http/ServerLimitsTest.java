package dev.foodpipeline.shell.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServerLimitsTest {
  private static final String REQUEST_TIME = "sun.net.httpserver.maxReqTime";
  private final Map<String, String> saved = new HashMap<>();

  @BeforeEach
  void save() {
    ServerLimits.DEFAULTS.keySet().forEach(name -> saved.put(name, System.getProperty(name)));
  }

  @AfterEach
  void restore() {
    saved.forEach(
        (name, value) -> {
          if (value == null) {
            System.clearProperty(name);
          } else {
            System.setProperty(name, value);
          }
        });
  }

  @Test
  void setsEveryLimitNotGivenAndKeepsTheOperatorsOwn() {
    ServerLimits.DEFAULTS.keySet().forEach(System::clearProperty);
    System.setProperty(REQUEST_TIME, "2");

    Map<String, String> effective = ServerLimits.apply();

    assertThat(effective).containsEntry(REQUEST_TIME, "2");
    assertThat(System.getProperty(REQUEST_TIME)).isEqualTo("2");
    ServerLimits.DEFAULTS.forEach(
        (name, value) -> {
          if (!name.equals(REQUEST_TIME)) {
            assertThat(effective).containsEntry(name, value);
            assertThat(System.getProperty(name)).as(name).isEqualTo(value);
          }
        });
  }

  @Test
  void theStreamingLimitsAreTheDefaultsWithoutAResponseTimeLimit() {
    assertThat(ServerLimits.STREAMING).doesNotContainKey("sun.net.httpserver.maxRspTime");
    Map<String, String> withoutResponseTime = new HashMap<>(ServerLimits.DEFAULTS);
    withoutResponseTime.remove("sun.net.httpserver.maxRspTime");
    assertThat(ServerLimits.STREAMING).isEqualTo(withoutResponseTime);
  }
}
