package dev.foodpipeline.infra.stack;

/**
 * Where a component of the local stack serves its Prometheus metrics: {@code
 * http://127.0.0.1:PORT/metrics} (instance N of a component with several: {@code PORT + N - 1}),
 * with the JMX exporter rules file {@code docker/jmx-exporter/RULES}, scraped as job {@code JOB}
 * (the job name compose's {@code docker/prometheus/prometheus.yml} gives the same service).
 *
 * @param port {@code NAME.metrics-port}
 * @param rules {@code NAME.metrics-rules}: a file name in {@code docker/jmx-exporter}
 * @param job {@code NAME.metrics-job}, else the component's name
 */
public record Metrics(int port, String rules, String job) {

  /** The folder of the rules files, from the repository root. */
  public static final String RULES_FOLDER = "docker/jmx-exporter";

  /** The port of instance {@code n} (from 1): the port + n - 1. */
  public int port(int instance) {
    if (instance < 1) {
      throw new IllegalArgumentException("instance numbers start at 1, got " + instance);
    }
    return port + instance - 1;
  }

  /** The rules file from the repository root, e.g. {@code docker/jmx-exporter/kafka-broker.yml}. */
  public String rulesPath() {
    return RULES_FOLDER + "/" + rules;
  }
}
