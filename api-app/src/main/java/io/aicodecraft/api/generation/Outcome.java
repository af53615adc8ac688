package io.aicodecraft.api.generation;

/**
 * A result, whether the cache answered rather than the model, and the model tokens it cost: an estimate (see
 * {@link EstimatedTokens}), and 0 for a cached answer, which did not call the model.
 */
public record Outcome<T>(T result, boolean cached, long tokens) {

    /** The same cost and origin for another result (the stored row of the model's code). */
    public <R> Outcome<R> with(R other) {
        return new Outcome<>(other, cached, tokens);
    }
}
