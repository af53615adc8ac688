package io.aicodecraft.api.config;

import java.time.Duration;

/**
 * Task chains ({@code aicc.chain.*}): how many workers this instance runs (0: it only accepts chains), after how
 * long without an acknowledgement a task is taken from its worker and given to another, how many times a task
 * is retried before its chain fails, and how long a chain's live state and context stay in Redis.
 */
public record ChainConfig(int workers, Duration claimIdle, int retries, Duration stateTtl) {
    public static final int DEFAULT_WORKERS = 4;
    /** How soon a dead worker's task moves on; a live worker's heartbeat (a third of this) keeps its task. */
    public static final Duration DEFAULT_CLAIM_IDLE = Duration.ofSeconds(30);
    public static final int DEFAULT_RETRIES = 2;
    public static final Duration DEFAULT_STATE_TTL = Duration.ofHours(24);

    public ChainConfig {
        if (workers > 256) {
            throw new IllegalArgumentException("aicc.chain.workers must be at most 256");
        }
        if (claimIdle.toMillis() < 100) {
            throw new IllegalArgumentException("aicc.chain.claim.idle must be at least 100ms");
        }
        if (stateTtl.toSeconds() < 60) {
            throw new IllegalArgumentException("aicc.chain.state.ttl must be at least 1m");
        }
    }

    public static ChainConfig defaults() {
        return new ChainConfig(DEFAULT_WORKERS, DEFAULT_CLAIM_IDLE, DEFAULT_RETRIES, DEFAULT_STATE_TTL);
    }

    static ChainConfig read(ConfigReader aicc) {
        return new ChainConfig(
                aicc.positiveInt("chain.workers", DEFAULT_WORKERS),
                aicc.duration("chain.claim.idle", DEFAULT_CLAIM_IDLE),
                aicc.positiveInt("chain.retries", DEFAULT_RETRIES),
                aicc.duration("chain.state.ttl", DEFAULT_STATE_TTL));
    }

    public ChainConfig withWorkers(int count) {
        return new ChainConfig(count, claimIdle, retries, stateTtl);
    }

    public ChainConfig withClaimIdle(Duration idle) {
        return new ChainConfig(workers, idle, retries, stateTtl);
    }

    public ChainConfig withRetries(int count) {
        return new ChainConfig(workers, claimIdle, count, stateTtl);
    }
}
