package io.aicodecraft.api.store;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Every Redis key and channel the API uses. The version part ({@code v1}, {@code v2}) changes when what a key holds
 * changes, so that an API of another version never reads an entry it cannot understand.
 */
public final class RedisKeys {
    /** The stream of runnable chain tasks, read by every instance's workers through {@link #CHAIN_WORKERS}. */
    public static final String CHAIN_TASKS = "aicc:v1:chains:tasks";
    /** The consumer group of {@link #CHAIN_TASKS} (a group name, not a key). */
    public static final String CHAIN_WORKERS = "aicc-chain-workers";
    /** A counter every template write moves on: search results are cached under it. */
    public static final String TEMPLATE_GENERATION = "aicc:v1:templates:generation";
    /** The pub/sub channel of revoked key ids. */
    public static final String KEY_REVOCATIONS = "aicc:v1:keys:revoked";

    private RedisKeys() {
    }

    /** The model's answer to one normalised request ({@code sha256} of it) of a kind, such as generation. */
    public static String modelAnswer(String kind, String sha256) {
        return "aicc:v2:" + kind + ":" + sha256;
    }

    /** The mark of a revoked key, which the rate-limit script refuses (RateLimiter). */
    public static String revokedKey(UUID keyId) {
        return "aicc:v1:keys:revoked:" + keyId;
    }

    /** A key's rate-limit state. */
    public static String rateLimit(UUID keyId) {
        return "aicc:v1:ratelimit:" + keyId;
    }

    /**
     * The prefix of a key's daily usage hashes; {@link #usage} is the day's hash, whose name the rate-limit script
     * also builds from this prefix and the UTC day by Redis's clock.
     */
    public static String usagePrefix(UUID keyId) {
        return "aicc:v1:usage:" + keyId + ":";
    }

    /** A key's requests and tokens of one UTC day, in all and per route. */
    public static String usage(UUID keyId, LocalDate day) {
        return usagePrefix(keyId) + day.toEpochDay();
    }

    /** A template version, or its latest. */
    public static String template(UUID id, Optional<Integer> version) {
        return "aicc:v1:template:" + id + ":" + version.map(String::valueOf).orElse("latest");
    }

    /** A conversation and its current branch, as {@code GET /v1/conversations/{id}} shows them. */
    public static String conversation(UUID id) {
        return "aicc:v1:conversation:" + id;
    }

    /** A chain's live state. */
    public static String chain(UUID id) {
        return "aicc:v1:chain:" + id;
    }

    /** A chain's context accumulator: the outputs of its finished tasks. */
    public static String chainContext(UUID id) {
        return "aicc:v1:chain:" + id + ":context";
    }
}
