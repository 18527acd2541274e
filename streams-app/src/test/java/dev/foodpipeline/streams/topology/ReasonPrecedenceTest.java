package dev.foodpipeline.streams.topology;

import static dev.foodpipeline.streams.topology.OrderFixtures.firstLine;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.RejectedOrder;
import dev.foodpipeline.model.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The precedence of reason codes as {@code docs/order-contract.md} states it ("a record is rejected
 * with exactly one reason code, that of the first check it fails, in this order"), on the whole
 * topology: for every pair of faults that can be in one record, the record gets the code of the one
 * the contract lists first.
 */
class ReasonPrecedenceTest {
  /** The faults in the contract's order, each one edit of a valid Test Kitchen order. */
  enum Fault {
    RECORD_TOO_LARGE(ReasonCode.OVERSIZED_ORDER, tree -> tree.put("note", "x".repeat(70_000))),
    NOT_JSON(ReasonCode.MALFORMED_JSON, tree -> {}),
    WRONG_TYPE(ReasonCode.SCHEMA_VIOLATION, tree -> address(tree).put("street", 7)),
    NUL_IN_CUSTOMER_ID(ReasonCode.INVALID_VALUE, tree -> tree.put("customerId", "c-1\u0000")),
    NO_LINES(ReasonCode.EMPTY_ORDER, tree -> tree.putArray("items")),
    TOO_MANY_LINES(
        ReasonCode.OVERSIZED_ORDER,
        tree -> tree.set("items", Json.mapper().valueToTree(OrderFixtures.lemonades(51)))),
    STALE(
        ReasonCode.TIMESTAMP_OUT_OF_RANGE,
        tree -> tree.put("createdAt", OrderFixtures.NOW.minus(Duration.ofDays(30)).toString())),
    UNKNOWN_RESTAURANT(ReasonCode.UNKNOWN_RESTAURANT, tree -> tree.put("restaurantId", "r-999")),
    ZERO_QUANTITY(ReasonCode.BAD_QUANTITY, tree -> firstLine(tree).put("quantity", 0)),
    UNKNOWN_DISH(
        ReasonCode.UNKNOWN_MENU_ITEM, tree -> firstLine(tree).put("menuItemId", "r-900-m99")),
    WRONG_PRICE(ReasonCode.PRICE_MISMATCH, tree -> firstLine(tree).put("unitPrice", 99.99)),
    SEEN_ID(ReasonCode.DUPLICATE_ORDER, tree -> {});

    final ReasonCode code;
    final Consumer<ObjectNode> edit;

    Fault(ReasonCode code, Consumer<ObjectNode> edit) {
      this.code = code;
      this.edit = edit;
    }

    boolean needsLines() {
      return this == TOO_MANY_LINES
          || this == ZERO_QUANTITY
          || this == UNKNOWN_DISH
          || this == WRONG_PRICE;
    }
  }

  @TempDir static Path stateDir;
  private static PipelineDriver pipeline;
  private static final AtomicInteger ids = new AtomicInteger();

  @BeforeAll
  static void startDriver() {
    pipeline = new PipelineDriver(stateDir);
  }

  @AfterAll
  static void closeDriver() {
    pipeline.close();
  }

  static Stream<Arguments> pairsThatCanShareARecord() {
    List<Arguments> pairs = new ArrayList<>();
    Fault[] faults = Fault.values();
    for (int first = 0; first < faults.length; first++) {
      for (int later = first + 1; later < faults.length; later++) {
        boolean emptyWithLines = faults[first] == Fault.NO_LINES && faults[later].needsLines();
        if (!emptyWithLines) {
          pairs.add(Arguments.of(faults[first], faults[later]));
        }
      }
    }
    return pairs.stream();
  }

  @ParameterizedTest(name = "{0} before {1}")
  @MethodSource("pairsThatCanShareARecord")
  void theFaultTheContractListsFirstGivesTheCode(Fault first, Fault later) {
    assertThat(rejectionOf(EnumSet.of(first, later)).reasonCode()).isEqualTo(first.code);
  }

  @ParameterizedTest
  @EnumSource(Fault.class)
  void eachFaultAloneGivesItsCode(Fault fault) {
    assertThat(rejectionOf(EnumSet.of(fault)).reasonCode()).isEqualTo(fault.code);
  }

  @Test
  void linesAreCheckedOneAfterTheOtherSoAnEarlierLineDecides() {
    String orderId = "o-lines-" + ids.incrementAndGet();
    Order order =
        OrderFixtures.testKitchenOrder(
            orderId,
            OrderFixtures.line("r-900-m01", 1, "99.99"),
            OrderFixtures.line("r-900-m03", 0, "7.50"));

    pipeline.orders.pipeInput(orderId, OrderFixtures.json(order));

    assertThat(onlyRejection().reasonCode()).isEqualTo(ReasonCode.PRICE_MISMATCH);
  }

  private static RejectedOrder rejectionOf(Set<Fault> faults) {
    String orderId = "o-precedence-" + ids.incrementAndGet();
    Order valid =
        OrderFixtures.testKitchenOrder(
            orderId,
            OrderFixtures.line("r-900-m01", 2, "12.50"),
            OrderFixtures.line("r-900-m03", 1, "7.50"));
    if (faults.contains(Fault.SEEN_ID)) {
      pipeline.orders.pipeInput(orderId, OrderFixtures.json(valid));
      assertThat(pipeline.processed.readValuesToList()).hasSize(1);
      pipeline.items.readValuesToList();
    }
    ObjectNode tree = Json.mapper().valueToTree(valid);
    faults.forEach(fault -> fault.edit.accept(tree));
    String json = new String(Json.toBytes(tree), StandardCharsets.UTF_8);
    if (faults.contains(Fault.NOT_JSON)) {
      json = json + " x";
    }
    pipeline.orders.pipeInput(orderId, json.getBytes(StandardCharsets.UTF_8));
    return onlyRejection();
  }

  private static RejectedOrder onlyRejection() {
    assertThat(pipeline.processed.readValuesToList()).isEmpty();
    List<RejectedOrder> rejections = pipeline.rejected.readValuesToList();
    assertThat(rejections).hasSize(1);
    return rejections.get(0);
  }

  private static ObjectNode address(ObjectNode tree) {
    return (ObjectNode) tree.get("deliveryAddress");
  }
}
