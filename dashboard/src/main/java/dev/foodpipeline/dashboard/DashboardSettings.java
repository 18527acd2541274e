package dev.foodpipeline.dashboard;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * What the dashboard serves and where it reads from, validated.
 *
 * @param streamsUrls the HTTP API of one or more streams-app instances; the others are found in the
 *     Streams metadata of the first that answers
 * @param interval how often every collector polls (and the page gets a snapshot)
 */
public record DashboardSettings(
    String httpHost,
    int httpPort,
    String bootstrapServers,
    List<URI> streamsUrls,
    URI connectUrl,
    String jdbcUrl,
    String jdbcUser,
    String jdbcPassword,
    Duration interval) {

  public DashboardSettings {
    if (httpPort < 0 || httpPort > 65535) {
      throw new SettingsException("--http-port must be 0 to 65535, got " + httpPort);
    }
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new SettingsException("--bootstrap-servers must not be empty");
    }
    if (streamsUrls.isEmpty()) {
      throw new SettingsException("--streams-urls must name at least one URL");
    }
    streamsUrls.forEach(url -> requireHttp("--streams-urls", url));
    requireHttp("--connect-url", connectUrl);
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new SettingsException("--jdbc-url must start with jdbc:postgresql:, got " + jdbcUrl);
    }
    if (interval.toMillis() < 100) {
      throw new SettingsException("--interval-ms must be >= 100, got " + interval.toMillis());
    }
    streamsUrls = List.copyOf(streamsUrls);
  }

  /** Parses {@code http://host:port[,http://…]}, naming the flag when one is not a URL. */
  static List<URI> urls(String flag, String commaSeparated) {
    return List.of(commaSeparated.split(",")).stream()
        .map(String::strip)
        .filter(url -> !url.isEmpty())
        .map(url -> uri(flag, url))
        .toList();
  }

  static URI uri(String flag, String url) {
    try {
      return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    } catch (IllegalArgumentException e) {
      throw new SettingsException(flag + " is not a URL: " + url);
    }
  }

  private static void requireHttp(String flag, URI url) {
    if (url.getHost() == null
        || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
      throw new SettingsException(flag + " must be an http:// URL with a host, got " + url);
    }
  }

  @Override
  public String toString() {
    return "DashboardSettings[http="
        + httpHost
        + ":"
        + httpPort
        + ", kafka="
        + bootstrapServers
        + ", streams="
        + streamsUrls
        + ", connect="
        + connectUrl
        + ", jdbc="
        + jdbcUrl
        + " as "
        + jdbcUser
        + ", interval="
        + interval.toMillis()
        + " ms]";
  }
}
