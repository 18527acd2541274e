package dev.foodpipeline.connect;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigTransformer;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.apache.kafka.common.config.provider.DirectoryConfigProvider;
import org.apache.kafka.common.config.provider.EnvVarConfigProvider;
import org.apache.kafka.common.config.provider.FileConfigProvider;
import org.apache.kafka.common.utils.Utils;

/**
 * Resolves config provider references such as {@code ${directory:/run/secrets/food-db:password}}
 * with Kafka's own providers, as the Connect worker does: the registrar reads the database password
 * for {@code --schema} from where the connectors read it, never from its command line.
 */
final class ConfigReferences {

  private ConfigReferences() {}

  /**
   * The value of {@code key} in {@code config} with its references resolved.
   *
   * @throws RegistrarException when a reference names a secret that cannot be read
   */
  static String resolve(Map<String, String> config, String key) {
    String value = config.get(key);
    if (value == null || !value.contains("${")) {
      return value;
    }
    Map<String, ConfigProvider> providers = new LinkedHashMap<>();
    providers.put("directory", new DirectoryConfigProvider());
    providers.put("file", new FileConfigProvider());
    providers.put("env", new EnvVarConfigProvider());
    providers.values().forEach(provider -> provider.configure(Map.of()));
    try {
      String resolved =
          new ConfigTransformer(providers).transform(Map.of(key, value)).data().get(key);
      if (resolved.contains("${")) {
        throw new RegistrarException(key + " refers to a secret that could not be read: " + value);
      }
      return resolved;
    } finally {
      providers.values().forEach(provider -> Utils.closeQuietly(provider, "config provider"));
    }
  }
}
