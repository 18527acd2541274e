package dev.foodpipeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/memory-budget.md states the compose limits, and they fit a 2 GB host with room for the OS.
 */
class MemoryBudgetTest {
  static final String DOC = "docs/memory-budget.md";
  static final long HOST_MIB = 2048;
  static final long OS_RESERVE_MIB = 384;

  private static final Pattern SERVICE_ROW =
      Pattern.compile("^\\| `([a-z0-9-]+)` \\| (\\d+) \\| ([^|]*)\\|");
  private static final Pattern TOTAL_ROW =
      Pattern.compile("^\\| \\*\\*total\\*\\* \\| \\*\\*(\\d+)\\*\\* \\|");
  private static final Pattern XMX = Pattern.compile("-Xmx\\d+[mg]");

  private final Compose compose = Compose.load();

  @Test
  void budgetTableListsEveryLongRunningServiceWithItsComposeLimitAndHeap() {
    Map<String, Long> limits = new LinkedHashMap<>();
    Map<String, String> settings = new LinkedHashMap<>();
    for (String line : budgetTable()) {
      Matcher row = SERVICE_ROW.matcher(line);
      if (row.find()) {
        limits.put(row.group(1), Long.parseLong(row.group(2)));
        settings.put(row.group(1), row.group(3));
      }
    }
    List<String> running = new ArrayList<>();
    for (String service : compose.defaultServices()) {
      if (!"no".equals(compose.service(service).get("restart"))) {
        running.add(service);
      }
    }
    assertThat(limits.keySet())
        .as("services in the budget table of %s", DOC)
        .containsExactlyInAnyOrderElementsOf(running);
    limits.forEach(
        (service, limit) ->
            assertThat(compose.memLimitMiB(service))
                .as("mem_limit of %s", service)
                .isEqualTo(limit));
    settings.forEach(
        (service, text) -> {
          Matcher heap = XMX.matcher(jvmOptions(service));
          if (heap.find()) {
            assertThat(text).as("heap of %s in %s", service, DOC).contains(heap.group());
          }
        });
  }

  @Test
  void limitsAddUpToTheStatedTotalAndLeaveRoomForTheOs() {
    long sum = 0;
    Long total = null;
    for (String line : budgetTable()) {
      Matcher row = SERVICE_ROW.matcher(line);
      if (row.find()) {
        sum += Long.parseLong(row.group(2));
      }
      Matcher totalRow = TOTAL_ROW.matcher(line);
      if (totalRow.find()) {
        total = Long.parseLong(totalRow.group(1));
      }
    }
    assertThat(total).as("a **total** row in %s", DOC).isEqualTo(sum);
    assertThat(sum)
        .as("limits of the default stack on a %d MiB host", HOST_MIB)
        .isLessThanOrEqualTo(HOST_MIB - OS_RESERVE_MIB);
    long composeSum = 0;
    for (String service : compose.defaultServices()) {
      if (!"no".equals(compose.service(service).get("restart"))) {
        composeSum += compose.memLimitMiB(service);
      }
    }
    assertThat(composeSum).isEqualTo(sum);
  }

  @Test
  void everyServiceHasALimitAndEveryOneOfOurJvmsAHeapCap() {
    for (String service : compose.services().keySet()) {
      assertThat(compose.memLimitMiB(service)).as("mem_limit of %s", service).isPositive();
      if (compose.service(service).containsKey("build")) {
        assertThat(jvmOptions(service)).as("JVM options of %s", service).containsPattern(XMX);
      }
    }
  }

  @Test
  void initsLimitIsTheOneTheDocStates() {
    assertThat(String.join("\n", Repo.lines(DOC)))
        .contains("| `init` | " + compose.memLimitMiB("init") + " |");
  }

  private String jvmOptions(String service) {
    Map<String, String> environment = compose.environment(service);
    return environment.getOrDefault("JAVA_TOOL_OPTIONS", "")
        + " "
        + environment.getOrDefault("KAFKA_HEAP_OPTS", "");
  }

  private static List<String> budgetTable() {
    List<String> table = new ArrayList<>();
    boolean inSection = false;
    for (String line : Repo.lines(DOC)) {
      if (line.startsWith("## ")) {
        inSection = line.equals("## Budget");
        continue;
      }
      if (inSection && line.startsWith("|")) {
        table.add(line);
      } else if (inSection && !table.isEmpty()) {
        break;
      }
    }
    assertThat(table).as("the table under ## Budget in %s", DOC).isNotEmpty();
    return table;
  }
}
