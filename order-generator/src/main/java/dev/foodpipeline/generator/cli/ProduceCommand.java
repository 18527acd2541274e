package dev.foodpipeline.generator.cli;

import dev.foodpipeline.generator.OrderFactory;
import dev.foodpipeline.generator.RunFile;
import dev.foodpipeline.generator.producer.ClusterAdmin;
import dev.foodpipeline.generator.producer.DeliveryStats;
import dev.foodpipeline.generator.producer.InvalidSettingException;
import dev.foodpipeline.generator.producer.KafkaSettings;
import dev.foodpipeline.generator.producer.LoadShape;
import dev.foodpipeline.generator.producer.OrderSender;
import dev.foodpipeline.generator.producer.Pacer;
import dev.foodpipeline.generator.producer.ProduceRun;
import dev.foodpipeline.generator.producer.ProgressListener;
import dev.foodpipeline.generator.producer.RunSummary;
import dev.foodpipeline.model.topics.Topics;
import dev.foodpipeline.shell.ExitCodes;
import dev.foodpipeline.shell.MetricsOptions;
import dev.foodpipeline.shell.MetricsServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code order-generator produce}: sets up topics and restaurants (unless {@code --no-setup}), then
 * writes orders at a rate until a count, a duration or Ctrl-C, with a progress line on stderr and a
 * summary on stdout.
 */
@Command(
    name = "produce",
    sortOptions = false,
    description =
        "Produce food orders to food-orders (key = order id). By default it first creates the topics and "
            + "publishes the restaurants of the catalogue seed. Stops after --count orders or --duration, whichever "
            + "comes first; with neither, at Ctrl-C. Order N of a seed is always the same order (only createdAt, the "
            + "time it is made, differs), so 'reconcile' can check a run against what it must have produced.",
    footer = {
      "",
      "Examples:",
      "  # 10,000 orders as fast as the broker takes them, 10 %% invalid, described for reconcile",
      "  order-generator produce --count 10000 --rate 0 --seed 1 --run-file run-1.properties",
      "  # an hour at 50/s with a burst of 500/s for 2 s every 10 s, 30 %% to one restaurant, 5 %% late",
      "  order-generator produce --duration 1h --rate 50 --burst 500x2s/10s --hot-restaurant-ratio 0.3 --late-ratio 0.05",
      "  # a nasty mix: a third invalid, mostly malformed JSON and price mismatches",
      "  order-generator produce --count 300 --invalid-ratio 0.33 --invalid-kinds malformed-json=3,price-mismatch=2,default",
      "  # orders of seed 7 against the catalogue the local stack published with seed 1, no setup",
      "  order-generator produce --count 100 --seed 7 --catalog-seed 1 --no-setup",
      "",
      "Every flag can also come from FOOD_GENERATOR_<FLAG> (FOOD_GENERATOR_RATE=50) or from --config-file (rate=50);",
      "flags win over the environment, the environment over the file.",
      "Exit codes: 0 every order acknowledged, 1 some not, 2 bad usage, 3 Kafka unreachable, 4 Kafka error, 70 bug."
    })
final class ProduceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand GeneratorCommand root;
  @Mixin KafkaOptions kafka;
  @Mixin GenerationOptions generation;
  @Mixin ConfigFileOption config;
  @Mixin MetricsOptions metrics = new MetricsOptions(MetricsOptions.CLIENT_RULES);

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
      description =
          "Orders per second, evenly spaced (fractions allowed); 0 is as fast as possible (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--burst",
      paramLabel = "RATExLENGTH/PERIOD",
      converter = BurstConverter.class,
      description =
          "Bursts on top of --rate: 500x2s/10s sends 500 orders/s for the first 2 s of every 10 s, and --rate in between.")
  LoadShape.Burst burst;

  @Option(
      names = "--run-file",
      paramLabel = "FILE",
      description =
          "Write what the run was made of (seeds, sequences, ratios, clock window) to FILE at the end, for"
              + " 'reconcile --run-file FILE'.")
  Path runFile;

  @Option(
      names = "--no-setup",
      negatable = false,
      description = "Skip creating the topics and publishing the restaurants (they must exist).")
  boolean noSetup;

  @Option(
      names = "--replication-factor",
      paramLabel = "N",
      description =
          "Replication factor of the topics the setup creates (default: the number of brokers, at"
              + " most 3); min.insync.replicas is one less (at least 1).")
  Integer replicationFactor;

  @Option(
      names = "--progress-interval",
      paramLabel = "DURATION",
      defaultValue = "10s",
      converter = DurationConverter.class,
      description =
          "How often to print a progress line when stderr is not a terminal (on a terminal one line is rewritten"
              + " every second); 0s for none (default: ${DEFAULT-VALUE}).")
  Duration progressInterval;

  @Option(
      names = "--prefetch",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "With --rate 0, make up to N records ahead on a second thread, so sending never waits for the next one; worth"
              + " it on a machine with idle cores (on 2 busy cores the extra thread slows the run: docs/benchmarks.md)."
              + " Paced runs always make a record when it is due (default: ${DEFAULT-VALUE}, on the sending thread).")
  int prefetch;

  @Override
  public Integer call() throws InterruptedException {
    GeneratorEnvironment environment = root.environment();
    ProduceSettings settings =
        GeneratorCommand.settings(
            spec,
            () ->
                ProduceSettings.fromFlags(
                    kafka.settings(config.kafkaSettings(environment.env())),
                    replicationFactor,
                    !noSetup,
                    generation.spec(),
                    count,
                    duration,
                    rate,
                    burst,
                    runFile,
                    progressInterval,
                    prefetch));
    OrderFactory factory =
        GeneratorCommand.settings(
            spec, () -> new OrderFactory(settings.generation(), environment.clock()));
    PrintWriter out = spec.commandLine().getOut();
    prepare(settings, environment, out);

    try (MetricsServer metricsServer = metrics.start();
        OrderSender sender = environment.kafka().orderSender(settings.kafka())) {
      if (metricsServer.port() >= 0) {
        out.println("Metrics on " + metricsServer.url());
      }
      ProgressLine line =
          new ProgressLine(
              spec.commandLine().getErr(), environment.terminal(), settings.progressInterval());
      ProduceRun run =
          new ProduceRun(
              factory,
              sender,
              new Pacer(settings.load()),
              settings.limits(),
              environment.ticker(),
              environment.sleeper(),
              progressPrinter(line),
              settings.prefetch());
      Instant startedAt = environment.clock().instant();
      RunSummary summary =
          runStoppableByCtrlC(
              run,
              settings.kafka().timeout(),
              out,
              done -> writeRunFile(settings, startedAt, done, environment, out));
      return summary.allAcknowledged() ? ExitCodes.OK : ExitCodes.PROBLEM;
    }
  }

  private static void writeRunFile(
      ProduceSettings settings,
      Instant startedAt,
      RunSummary summary,
      GeneratorEnvironment environment,
      PrintWriter out) {
    if (settings.runFile() == null) {
      return;
    }
    try {
      new RunFile(
              settings.generation(),
              summary.sent(),
              startedAt,
              environment.clock().instant(),
              summary.unacknowledged())
          .write(settings.runFile());
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException(e.getMessage());
    }
    out.printf(
        "run file written to %s: check the run with 'order-generator reconcile --run-file %s'%n",
        settings.runFile(), settings.runFile());
  }

  private static void prepare(
      ProduceSettings settings, GeneratorEnvironment environment, PrintWriter out) {
    KafkaSettings kafka = settings.kafka();
    try (ClusterAdmin admin = environment.kafka().admin(kafka)) {
      admin.ensureReachable();
      if (!settings.setup()) {
        Setup.requireTopics(
            admin,
            kafka,
            "run 'order-generator topics' and 'restaurants', or leave out --no-setup",
            List.of(Topics.FOOD_ORDERS));
        return;
      }
      Setup.createTopics(admin, settings.replicationFactor(), out);
    }
    Setup.publishRestaurants(environment.kafka(), kafka, settings.generation().catalogSeed(), out);
  }

  /**
   * Runs with a shutdown hook that stops the run at Ctrl-C and lets it print its summary (and write
   * its run file) first.
   */
  private static RunSummary runStoppableByCtrlC(
      ProduceRun run, Duration timeout, PrintWriter out, Consumer<RunSummary> afterSummary)
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
      afterSummary.accept(summary);
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

  private static ProgressListener progressPrinter(ProgressLine line) {
    return new ProgressListener() {
      @Override
      public void onProgress(Duration elapsed, DeliveryStats.Counts counts, double ratePerSecond) {
        line.show(
            elapsed,
            String.format(
                Locale.ROOT,
                "sent %d, acked %d, failed %d, %.1f orders/s",
                counts.sent(),
                counts.acknowledged(),
                counts.failed(),
                ratePerSecond));
      }

      @Override
      public void onFinish() {
        line.finish();
      }
    };
  }
}
