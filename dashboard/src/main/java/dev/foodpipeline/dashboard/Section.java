package dev.foodpipeline.dashboard;

import dev.foodpipeline.shell.Errors;

/**
 * One part of a {@link Snapshot}: what its collector found, or why it found nothing (the page shows
 * the error in place of that part, the rest stays live).
 */
public record Section<T>(T data, String error) {
  public static <T> Section<T> of(T data) {
    return new Section<>(data, null);
  }

  public static <T> Section<T> failed(Throwable error) {
    return new Section<>(null, Errors.rootCauseLine(error));
  }
}
