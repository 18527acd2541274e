package dev.foodpipeline.shell;

/**
 * What an error becomes: an exit code of {@link ExitCodes} and one line for the user.
 *
 * @param exitCode the process's exit code
 * @param message one line, no stack trace
 */
public record Failure(int exitCode, String message) {}
