package dev.foodpipeline.generator.cli;

/** The exit codes of {@code order-generator}, documented in the module's README. */
public final class ExitCodes {
  /** Everything done; every order sent was acknowledged. */
  public static final int OK = 0;

  /** The run ended but some orders were not acknowledged (the summary says how many, and why). */
  public static final int SEND_FAILED = 1;

  /** reconcile: PostgreSQL does not hold exactly what the run must have produced. */
  public static final int MISMATCH = 1;

  /** A bad flag, flag value or client setting. */
  public static final int USAGE = 2;

  /** Kafka did not answer within {@code --timeout}, or its address does not resolve. */
  public static final int KAFKA_UNREACHABLE = 3;

  /**
   * Kafka answered but refused what was needed: a missing topic, a rejected write, bad credentials.
   */
  public static final int KAFKA_ERROR = 4;

  /** reconcile: PostgreSQL could not be reached, refused the login, or failed a query. */
  public static final int DATABASE_ERROR = 5;

  /** A bug: an error no rule above names (its class and message are printed). */
  public static final int INTERNAL_ERROR = 70;

  private ExitCodes() {}
}
