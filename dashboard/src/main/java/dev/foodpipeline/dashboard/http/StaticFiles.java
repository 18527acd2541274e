package dev.foodpipeline.dashboard.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The page's files, from the class path: the dashboard's own ({@code dashboard/} of its jar) and
 * uPlot's, from its web jar ({@code META-INF/resources/webjars/uplot/VERSION/dist}), whose version
 * the web jar's own {@code pom.properties} tells.
 */
final class StaticFiles {
  /** A file of the page: where it is on the class path, and its type. */
  record File(String resource, String contentType) {
    InputStream open() throws IOException {
      InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(resource);
      if (in == null) {
        throw new IOException("missing from the jar: " + resource);
      }
      return in;
    }
  }

  static final String UPLOT_VERSION = uplotVersion();
  private static final String UPLOT =
      "META-INF/resources/webjars/uplot/" + UPLOT_VERSION + "/dist/";

  private static final Map<String, File> FILES =
      Map.of(
          "/", new File("dashboard/index.html", "text/html; charset=utf-8"),
          "/index.html", new File("dashboard/index.html", "text/html; charset=utf-8"),
          "/app.js", new File("dashboard/app.js", "text/javascript; charset=utf-8"),
          "/app.css", new File("dashboard/app.css", "text/css; charset=utf-8"),
          "/uplot.js", new File(UPLOT + "uPlot.iife.min.js", "text/javascript; charset=utf-8"),
          "/uplot.css", new File(UPLOT + "uPlot.min.css", "text/css; charset=utf-8"));

  private StaticFiles() {}

  /** The file served at {@code path}, or null. */
  static File find(String path) {
    return FILES.get(path);
  }

  private static String uplotVersion() {
    String resource = "META-INF/maven/org.webjars.npm/uplot/pom.properties";
    try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("uPlot's web jar is not on the class path: " + resource);
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
