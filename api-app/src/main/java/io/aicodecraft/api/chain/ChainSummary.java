package io.aicodecraft.api.chain;

import java.time.Instant;
import java.util.UUID;

/** A chain as {@code GET /v1/chains} lists it: without its tasks' prompts and outputs, with their number. */
public record ChainSummary(UUID id, ChainStatus status, String reason, Instant createdAt, Instant finishedAt,
                           int tasks) {

    static ChainSummary of(ChainView chain) {
        return new ChainSummary(chain.id(), chain.status(), chain.reason(), chain.createdAt(), chain.finishedAt(),
                chain.tasks().size());
    }

    boolean finished() {
        return status != ChainStatus.RUNNING;
    }
}
