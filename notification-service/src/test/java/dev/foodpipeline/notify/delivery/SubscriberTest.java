package dev.foodpipeline.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.model.Notification;
import dev.foodpipeline.model.NotificationType;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SubscriberTest {
  private static Delivery delivery(long offset) {
    return new Delivery(
        1,
        offset,
        new Notification(
            "n-" + offset,
            NotificationType.ORDER_REJECTED,
            "c-1",
            null,
            null,
            "m",
            null,
            null,
            "EMPTY_ORDER",
            null,
            null,
            Instant.EPOCH,
            Instant.EPOCH));
  }

  @Test
  void aFullQueueCutsTheSubscriberOffAndInterruptsItsWriter() throws Exception {
    Subscriber subscriber = new Subscriber("c-1", 1, -1, 2);
    CountDownLatch attached = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    Thread writer =
        new Thread(
            () -> {
              subscriber.attach(Thread.currentThread());
              attached.countDown();
              try {
                Thread.sleep(30_000);
              } catch (InterruptedException e) {
                interrupted.set(true);
              } finally {
                subscriber.detach();
              }
            });
    writer.start();
    assertThat(attached.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(subscriber.offer(delivery(1))).isTrue();
    assertThat(subscriber.offer(delivery(2))).isTrue();
    assertThat(subscriber.overflowed()).isFalse();
    assertThat(subscriber.offer(delivery(3))).isFalse();

    writer.join(10_000);
    assertThat(interrupted).isTrue();
    assertThat(subscriber.overflowed()).isTrue();
    assertThat(subscriber.offer(delivery(4))).isFalse();
    assertThat(subscriber.next(0).offset()).isEqualTo(1);
  }

  @Test
  void whatTheClientHasIsNotDeliveredAgain() throws Exception {
    Subscriber subscriber = new Subscriber("c-1", 1, 5, 10);
    assertThat(subscriber.offer(delivery(4))).isTrue();
    assertThat(subscriber.offer(delivery(5))).isTrue();
    assertThat(subscriber.offer(delivery(6))).isTrue();
    assertThat(subscriber.next(0).offset()).isEqualTo(6);
    assertThat(subscriber.next(0)).isNull();
  }

  @Test
  void detachClearsAnInterruptThatCameLate() {
    Subscriber subscriber = new Subscriber("c-1", 0, -1, 1);
    subscriber.attach(Thread.currentThread());
    subscriber.offer(delivery(1));
    subscriber.offer(delivery(2));
    subscriber.detach();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }
}
