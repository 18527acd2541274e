package dev.foodpipeline.generator.cli;

import dev.foodpipeline.generator.GenerationSpec;
import dev.foodpipeline.generator.OrderFactory;
import dev.foodpipeline.generator.producer.ClusterAdmin;
import dev.foodpipeline.generator.producer.DeliveryStats;
import dev.foodpipeline.generator.producer.KafkaSettings;
import dev.foodpipeline.generator.producer.OrderSender;
import dev.foodpipeline.generator.producer.Pacer;
import dev.foodpipeline.generator.producer.ProduceRun;
import dev.foodpipeline.generator.producer.ProgressListener;
import dev.foodpipeline.generator.producer.RunSummary;
import dev.foodpipeline.model.topics.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code order-generator produce}: sets up topics and restaurants (unless {@code --no-setup}), then
 * writes orders at a rate until a count, a duration or Ctrl-C, with a progress line every second on
 * stderr and a summary on stdout.
 */
@Command(
    name = "produce",
    sortOptions = false,
    description =
        "Produce food orders to food-orders (key = order id). By default it first creates the topics and "
            + "publishes the restaurants of the seed. Stops after --count orders or --duration, whichever comes "
            + "first; with neither, at Ctrl-C. Order N of a seed is always the same order (only createdAt, the "
            + "time it is made, differs), so a run can be checked against what it must have produced.")
final class ProduceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand GeneratorCommand root;
  @Mixin KafkaOptions kafka;

  @Option(names = "--count", paramLabel = "N", description = "Stop after N orders.")
  Long count;

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Stop after this long (30s, 5m, 1h, PT90S).")
  Duration duration;

  @Option(
      names = "--rate",
      paramLabel = "R",
      defaultValue = "10",
      description = "Orders per second; 0 is as fast as possible (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "" + GenerationSpec.DEFAULT_SEED,
      description = "Seed of the restaurants and the orders (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--invalid-ratio",
      paramLabel = "0.0..1.0",
      defaultValue = "" + GenerationSpec.DEFAULT_INVALID_RATIO,
      description = "Share of invalid orders, spread evenly over the invalid kinds (default: ${DEFAULT-VALUE}).")
  double invalidRatio;

  @Option(
      names = "--start-sequence",
      paramLabel = "N",
      defaultValue = "" + GenerationSpec.DEFAULT_FIRST_SEQUENCE,
      description = "Sequence number of the first order; the order id is o-<seed>-<sequence> (default: ${DEFAULT-VALUE}).")
  long startSequence;

  @Option(
      names = "--no-setup",
      negatable = false,
      description = "Skip creating the topics and publishing the restaurants (they must exist).")
  boolean noSetup;

  @Option(
      names = "--replication-factor",
      paramLabel = "N",
      defaultValue = "1",
      description = "Replication factor of the topics the setup creates (default: ${DEFAULT-VALUE}).")
  int replicationFactor;

  @Override
  public Integer call() throws InterruptedException {
    ProduceSettings settings =
        GeneratorCommand.settings(
            spec,
            () ->
                ProduceSettings.fromFlags(
                    kafka.settings(), replicationFactor, !noSetup, seed, invalidRatio, startSequence, count, duration, rate));
    GeneratorEnvironment environment = root.environment();
    PrintWriter out = spec.commandLine().getOut();
    prepare(settings, environment, out);

    OrderFactory factory = new OrderFactory(settings.generation(), environment.clock());
    try (OrderSender sender = environment.kafka().orderSender(settings.kafka())) {
      ProduceRun run =
          new ProduceRun(
              factory,
              sender,
              new Pacer(settings.rate()),
              settings.limits(),
              environment.ticker(),
              environment.sleeper(),
              progressPrinter(spec.commandLine().getErr()));
      RunSummary summary = runStoppableByCtrlC(run, settings.kafka().timeout(), out);
      return summary.allAcknowledged() ? ExitCodes.OK : ExitCodes.SEND_FAILED;
    }
  }

  private static void prepare(ProduceSettings settings, GeneratorEnvironment environment, PrintWriter out) {
    KafkaSettings kafka = settings.kafka();
    try (ClusterAdmin admin = environment.kafka().admin(kafka)) {
      admin.ensureReachable();
      if (!settings.setup()) {
        Setup.requireTopics(
            admin, kafka, "run 'order-generator topics' and 'restaurants', or leave out --no-setup", List.of(Topics.FOOD_ORDERS));
        return;
      }
      Setup.createTopics(admin, settings.replicationFactor(), out);
    }
    Setup.publishRestaurants(environment.kafka(), kafka, settings.generation().seed(), out);
  }

  /** Runs with a shutdown hook that stops the run at Ctrl-C and lets it print its summary first. */
  private static RunSummary runStoppableByCtrlC(ProduceRun run, Duration timeout, PrintWriter out)
      throws InterruptedException {
    CountDownLatch summarised = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              run.requestStop();
              try {
                // Flushing takes at most the delivery timeout; then the summary is printed.
                summarised.await(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "order-generator-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      RunSummary summary = run.run();
      out.print(summary.format());
      out.flush();
      return summary;
    } finally {
      summarised.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is exiting (Ctrl-C): the hook is running and finds the latch open.
      }
    }
  }

  private static ProgressListener progressPrinter(PrintWriter err) {
    return (Duration elapsed, DeliveryStats.Counts counts, double ratePerSecond) -> {
      err.printf(
          Locale.ROOT,
          "[%6.1f s] sent %d, acked %d, failed %d, %.1f orders/s%n",
          elapsed.toMillis() / 1000.0,
          counts.sent(),
          counts.acknowledged(),
          counts.failed(),
          ratePerSecond);
      err.flush();
    };
  }
}
