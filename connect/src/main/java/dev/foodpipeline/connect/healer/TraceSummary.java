package dev.foodpipeline.connect.healer;

/**
 * A task's error in one line: the first line of its trace, and the deepest {@code Caused by:} line
 * when there is one (Connect's first line is often only "Exiting WorkerSinkTask due to
 * unrecoverable exception"; the root cause says "Connection refused").
 */
final class TraceSummary {
  private static final String CAUSED_BY = "Caused by: ";

  private TraceSummary() {}

  static String of(String trace) {
    if (trace == null || trace.isBlank()) {
      return "(no trace)";
    }
    String[] lines = trace.strip().split("\\R");
    String first = lines[0].strip();
    for (int i = lines.length - 1; i > 0; i--) {
      String line = lines[i].strip();
      if (line.startsWith(CAUSED_BY)) {
        return first + " / root cause: " + line.substring(CAUSED_BY.length());
      }
    }
    return first;
  }
}
