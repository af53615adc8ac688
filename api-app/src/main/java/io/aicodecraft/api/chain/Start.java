package io.aicodecraft.api.chain;

import java.util.UUID;

/** What a worker does with a delivered task, as decided atomically in Redis. */
public sealed interface Start {

    /** Run it: it is this chain's, owned by {@code owner}; {@code attempt} counts from 1. */
    record Run(UUID owner, ChainSpec chain, int attempt) implements Start {
    }

    /** Nothing to do: the task is done already, or its chain finished or is gone. */
    record Skip() implements Start {
    }

    /** The task used up its attempts: its chain has just failed for {@code reason}. */
    record Exhausted(String reason) implements Start {
    }
}
