package dev.foodpipeline.shell;

/**
 * The exit codes of every program of the pipeline, one table (docs/programs.md lists them per
 * program). A program uses the codes that apply to it and no other number.
 */
public final class ExitCodes {
  /** Everything done, or stopped on request (after SIGTERM the JVM itself reports 143). */
  public static final int OK = 0;

  /**
   * The run ended and found a problem it reports: orders not acknowledged (generator produce), a
   * mismatch (generator reconcile).
   */
  public static final int PROBLEM = 1;

  /** A bad flag, flag value, environment variable, config file entry or client setting. */
  public static final int USAGE = 2;

  /** Kafka (or another server the program needs) did not answer in time, or does not resolve. */
  public static final int UNREACHABLE = 3;

  /** Kafka answered but refused what was needed: a missing topic, a rejected write, bad login. */
  public static final int KAFKA_ERROR = 4;

  /** PostgreSQL could not be reached, refused the login, or failed a query. */
  public static final int DATABASE_ERROR = 5;

  /**
   * A component could not start for a reason of this machine: a port taken, a state directory
   * locked, a child process that died while starting (pipeline-infra's Local* programs).
   */
  public static final int START_FAILED = 6;

  /** A bug: an error no rule names (its class and message are printed). */
  public static final int INTERNAL_ERROR = 70;

  private ExitCodes() {}
}
