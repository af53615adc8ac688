package io.aicodecraft.api.generation;

/** A result and whether the cache answered rather than the model. */
public record Outcome<T>(T result, boolean cached) {
}
