package io.aicodecraft.api.chain;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A chain as {@code GET /v1/chains/{id}} shows it; {@code reason} says why it failed, {@code finishedAt} when. */
public record ChainView(UUID id, @JsonIgnore UUID owner, ChainStatus status, String reason, Instant createdAt,
                        Instant finishedAt, List<TaskView> tasks) {

    public boolean finished() {
        return status != ChainStatus.RUNNING;
    }
}
