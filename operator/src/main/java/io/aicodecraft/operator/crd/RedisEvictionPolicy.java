package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Locale;

/** Redis {@code maxmemory-policy}: what Redis evicts when it reaches maxmemory. */
public enum RedisEvictionPolicy {
    @JsonProperty("noeviction")
    NOEVICTION,
    @JsonProperty("allkeys-lru")
    ALLKEYS_LRU,
    @JsonProperty("allkeys-lfu")
    ALLKEYS_LFU,
    @JsonProperty("allkeys-random")
    ALLKEYS_RANDOM,
    @JsonProperty("volatile-lru")
    VOLATILE_LRU,
    @JsonProperty("volatile-lfu")
    VOLATILE_LFU,
    @JsonProperty("volatile-random")
    VOLATILE_RANDOM,
    @JsonProperty("volatile-ttl")
    VOLATILE_TTL;

    /** The name Redis and the resource use. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Null for a value this operator does not know (see {@link WireValues}). */
    @JsonCreator
    public static RedisEvictionPolicy fromWire(String value) {
        return WireValues.find(values(), RedisEvictionPolicy::wireName, value);
    }
}
