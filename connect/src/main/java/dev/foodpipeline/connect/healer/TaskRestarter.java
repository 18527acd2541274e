package dev.foodpipeline.connect.healer;

/** Restarts one task of a connector; throws if the worker did not accept the restart. */
@FunctionalInterface
public interface TaskRestarter {
  void restart(String connector, int task) throws Exception;
}
