package dev.foodpipeline.streams;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs {@link Main} as the jar does, in a background thread, with a stop request instead of
 * SIGTERM.
 */
public final class MainHarness {
  private final Main main = new Main(Map.of(), Duration.ofMillis(500));

  /** The command's exit code, once it has stopped. */
  public CompletableFuture<Integer> runInBackground(String... args) {
    return CompletableFuture.supplyAsync(() -> Main.commandLine(main).execute(args));
  }

  public void requestStop() {
    main.requestStop();
  }

  /** The HTTP port the command bound; 0 until it has. */
  public int httpPort() {
    return main.boundHttpPort;
  }
}
