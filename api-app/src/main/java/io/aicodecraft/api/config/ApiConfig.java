package io.aicodecraft.api.config;

import io.helidon.config.Config;

import java.time.Duration;

/**
 * The API's whole configuration, read from Helidon Config under {@code aicc}: {@code aicc.db.url} in YAML is
 * {@code AICC_DB_URL} in the environment (the names the operator writes).
 */
public record ApiConfig(int httpPort, DatabaseConfig database, RedisConfig redis, Duration cacheTtl, ModelConfig model,
                        AccessConfig access, ChainConfig chains, QuotaConfig quota,
                        ConversationConfig conversations, SearchConfig search) {

    public ApiConfig {
        if (cacheTtl.toSeconds() < 1) {
            throw new IllegalArgumentException("aicc.cache.ttl must be at least 1s");
        }
    }

    /**
     * For the {@code dev} command and tests: dev-mode access ({@code X-User-Id} names the caller), no admin key. A
     * deployed API reads its configuration with {@link #read}, which never turns dev mode on.
     */
    public ApiConfig(int httpPort, DatabaseConfig database, RedisConfig redis, Duration cacheTtl, ModelConfig model) {
        this(httpPort, database, redis, cacheTtl, model, AccessConfig.defaults().withDevMode(true),
                ChainConfig.defaults(), QuotaConfig.defaults(), ConversationConfig.defaults(), SearchConfig.defaults());
    }

    public static ApiConfig read(Config root) {
        ConfigReader aicc = new ConfigReader(root.get("aicc"));
        return new ApiConfig(
                aicc.positiveInt("http.port", 8080),
                DatabaseConfig.read(new ConfigReader(root.get("aicc.db"))),
                RedisConfig.read(new ConfigReader(root.get("aicc.redis"))),
                aicc.duration("cache.ttl", Duration.ofHours(1)),
                ModelConfig.read(new ConfigReader(root.get("aicc.model"))),
                AccessConfig.read(aicc),
                ChainConfig.read(aicc),
                QuotaConfig.read(new ConfigReader(root.get("aicc.quota"))),
                ConversationConfig.read(aicc),
                SearchConfig.read(aicc));
    }

    public ApiConfig withHttpPort(int port) {
        return new ApiConfig(port, database, redis, cacheTtl, model, access, chains, quota, conversations, search);
    }

    public ApiConfig withAccess(AccessConfig settings) {
        return new ApiConfig(httpPort, database, redis, cacheTtl, model, settings, chains, quota, conversations, search);
    }

    public ApiConfig withQuota(QuotaConfig settings) {
        return new ApiConfig(httpPort, database, redis, cacheTtl, model, access, chains, settings, conversations, search);
    }

    public ApiConfig withChains(ChainConfig settings) {
        return new ApiConfig(httpPort, database, redis, cacheTtl, model, access, settings, quota, conversations, search);
    }

    public ApiConfig withConversations(ConversationConfig settings) {
        return new ApiConfig(httpPort, database, redis, cacheTtl, model, access, chains, quota, settings, search);
    }

    public ApiConfig withSearch(SearchConfig settings) {
        return new ApiConfig(httpPort, database, redis, cacheTtl, model, access, chains, quota, conversations, settings);
    }
}
