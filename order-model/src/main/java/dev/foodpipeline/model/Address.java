package dev.foodpipeline.model;

import java.util.Objects;

/** Where an order is delivered. */
public record Address(String street, String city, String postalCode) {
  public Address {
    Objects.requireNonNull(street, "street");
    Objects.requireNonNull(city, "city");
    Objects.requireNonNull(postalCode, "postalCode");
  }
}
