package dev.foodpipeline.generator.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows progress on stderr: on a terminal, one line rewritten in place ({@code \r}) at every
 * report; otherwise (a log file, a pipe, {@code docker logs}) a plain line every {@code interval}
 * of run time at most, so logs stay short. An interval of zero turns plain lines off.
 */
final class ProgressLine {
  private final PrintWriter err;
  private final boolean terminal;
  private final Duration interval;
  private Duration lastPrinted;
  private int shownLength;

  ProgressLine(PrintWriter err, boolean terminal, Duration interval) {
    this.err = err;
    this.terminal = terminal;
    this.interval = interval;
  }

  /** Reports progress at {@code elapsed} into the run. */
  void show(Duration elapsed, String text) {
    String line = String.format(Locale.ROOT, "[%6.1f s] %s", elapsed.toMillis() / 1000.0, text);
    if (terminal) {
      err.print("\r" + line + " ".repeat(Math.max(0, shownLength - line.length())));
      shownLength = line.length();
      err.flush();
      return;
    }
    if (interval.isZero()
        || (lastPrinted != null && elapsed.minus(lastPrinted).compareTo(interval) < 0)) {
      return;
    }
    if (lastPrinted == null && elapsed.compareTo(interval) < 0) {
      return;
    }
    lastPrinted = elapsed;
    err.println(line);
    err.flush();
  }

  /** Ends a rewritten line, so that what follows starts on a line of its own. */
  void finish() {
    if (terminal && shownLength > 0) {
      err.println();
      err.flush();
      shownLength = 0;
    }
  }
}
