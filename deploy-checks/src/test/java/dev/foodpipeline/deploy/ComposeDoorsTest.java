package dev.foodpipeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the compose stack leaves open: every port on the loopback by default, only the web ports
 * movable off it, the web tools behind a generated login, Connect refusing client overrides but the
 * one the sinks need.
 */
class ComposeDoorsTest {
  /** Services a browser talks to: the only ones FOOD_WEB_BIND_ADDRESS may publish elsewhere. */
  private static final Set<String> WEB_SERVICES =
      Set.of(
          "streams-app-1",
          "streams-app-2",
          "streams-app-extra",
          "notification-service",
          "dashboard",
          "grafana",
          "kafka-ui");

  private final Compose compose = Compose.load();

  @Test
  @SuppressWarnings("unchecked")
  void everyPortIsOnTheLoopbackByDefaultAndOnlyWebPortsCanMove() {
    for (String service : compose.services().keySet()) {
      Object declared = compose.service(service).get("ports");
      if (declared == null) {
        continue;
      }
      for (Object port : (List<Object>) declared) {
        String text = String.valueOf(port);
        assertThat(Compose.resolve(text))
            .as("%s publishes %s", service, text)
            .startsWith("127.0.0.1:");
        String variable =
            WEB_SERVICES.contains(service) ? "FOOD_WEB_BIND_ADDRESS" : "FOOD_BIND_ADDRESS";
        assertThat(text)
            .as("%s: the bind address variable", service)
            .startsWith("${" + variable + ":-");
      }
    }
  }

  @Test
  void kafbatUiIsReadOnlyBehindALoginWithAGeneratedPassword() {
    Map<String, String> environment = compose.environment("kafka-ui");
    assertThat(environment)
        .containsEntry("AUTH_TYPE", "LOGIN_FORM")
        .containsEntry("KAFKA_CLUSTERS_0_READONLY", "true")
        .containsEntry("SPRING_CONFIG_IMPORT", "optional:configtree:/run/secrets/kafbat/")
        .containsKey("SPRING_SECURITY_USER_NAME")
        .doesNotContainKey("SPRING_SECURITY_USER_PASSWORD");
    assertThat(volumes("kafka-ui")).contains("ui-secret:/run/secrets/kafbat:ro");
    assertThat(volumes("secrets")).contains("ui-secret:/secrets/ui");
    assertThat(Repo.read("docker/secrets/generate-secrets.sh"))
        .contains("secret /secrets/ui spring.security.user.password");
  }

  @Test
  void grafanaHasNoAnonymousAccessAndNoDefaultAdminPassword() {
    Map<String, String> environment = compose.environment("grafana");
    assertThat(environment)
        .containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "false")
        .containsEntry("GF_SECURITY_ADMIN_PASSWORD__FILE", "/run/secrets/grafana/admin-password")
        .doesNotContainKey("GF_SECURITY_ADMIN_PASSWORD");
    assertThat(volumes("grafana")).contains("grafana-secret:/run/secrets/grafana:ro");
    assertThat(Repo.read("docker/secrets/generate-secrets.sh"))
        .contains("secret /secrets/grafana admin-password");
  }

  @Test
  void secretsAreGeneratedBeforeTheirReadersStart() {
    for (String service : List.of("postgres", "grafana", "kafka-ui")) {
      assertThat(compose.service(service).get("depends_on").toString())
          .as(service)
          .contains("secrets={condition=service_completed_successfully}");
    }
    assertThat(compose.service("secrets"))
        .containsEntry("restart", "no")
        .containsEntry("network_mode", "none");
  }

  @Test
  void connectorsMayOverrideOnlyTheConsumersIsolationLevel() {
    Properties worker = Repo.properties(ComposeDriftTest.WORKER_PROPERTIES);
    assertThat(worker)
        .containsEntry("connector.client.config.override.policy", "Allowlist")
        .containsEntry("connector.client.config.override.allowlist", "isolation.level");
    for (var connector : ComposeDriftTest.connectors()) {
      connector
          .path("config")
          .fieldNames()
          .forEachRemaining(
              key -> {
                if (key.contains(".override.")) {
                  assertThat(key)
                      .as(
                          "%s overrides a client setting the worker refuses",
                          connector.path("name"))
                      .isEqualTo("consumer.override.isolation.level");
                }
              });
    }
  }

  @SuppressWarnings("unchecked")
  private List<String> volumes(String service) {
    Object declared = compose.service(service).get("volumes");
    return declared == null ? List.of() : (List<String>) declared;
  }
}
