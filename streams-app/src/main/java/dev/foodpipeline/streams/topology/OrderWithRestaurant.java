package dev.foodpipeline.streams.topology;

import dev.foodpipeline.model.Restaurant;

/** An order joined with its restaurant; {@code restaurant} is null when the catalogue has none. */
public record OrderWithRestaurant(InputOrder input, Restaurant restaurant) {}
