package io.aicodecraft.api.config;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiConfigTest {
    private static final Map<String, String> REQUIRED = Map.of(
            "AICC_DB_URL", "jdbc:postgresql://db:5432/aicc",
            "AICC_REDIS_URL", "redis://cache:6380/2");

    /** Environment variables as the operator writes them, through Helidon's environment-variable mapping. */
    private static ApiConfig fromEnvironment(Map<String, String> variables) {
        Map<String, String> all = new HashMap<>(REQUIRED);
        all.putAll(variables);
        Config config = Config.just(ConfigSources.create(io.helidon.config.EnvironmentVariables.expand(all)));
        return ApiConfig.read(config);
    }

    @Test
    void defaultsFollowTheDesign() {
        ApiConfig config = fromEnvironment(Map.of());

        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.database().poolMinIdle()).isEqualTo(2);
        assertThat(config.database().poolMaxSize()).isEqualTo(10);
        assertThat(config.database().connectionTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.redis().poolMaxTotal()).isEqualTo(16);
        assertThat(config.redis().poolMaxIdle()).isEqualTo(8);
        assertThat(config.cacheTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(config.model().provider()).isEqualTo(ModelConfig.Provider.TEMPLATE);
    }

    @Test
    void conversationsKeepDeletedOnesThirtyDaysAndSendSixteenThousandTokensByDefault() {
        ConversationConfig defaults = fromEnvironment(Map.of()).conversations();
        ConversationConfig set = fromEnvironment(Map.of("AICC_CONVERSATION_RETENTION", "7d",
                "AICC_CONVERSATION_CONTEXT_TOKENS", "4000")).conversations();

        assertThat(defaults.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(defaults.contextTokens()).isEqualTo(16_000);
        assertThat(set.retention()).isEqualTo(Duration.ofDays(7));
        assertThat(set.contextTokens()).isEqualTo(4000);
        assertThatThrownBy(() -> fromEnvironment(Map.of("AICC_CONVERSATION_RETENTION", "P30D")))
                .hasMessageContaining("aicc.conversation.retention");
        assertThatThrownBy(() -> fromEnvironment(Map.of("AICC_CONVERSATION_CONTEXT_TOKENS", "10")))
                .hasMessageContaining("aicc.conversation.context.tokens");
    }

    @Test
    void semanticSearchAsksForTextEmbedding3SmallAndBackfillsThirtyTwoRowsEveryTwoSecondsByDefault() {
        SearchConfig defaults = fromEnvironment(Map.of()).search();
        SearchConfig set = fromEnvironment(Map.of("AICC_SEARCH_EMBEDDING_MODEL", "nomic-embed-text",
                "AICC_SEARCH_BACKFILL_INTERVAL", "500ms", "AICC_SEARCH_BACKFILL_BATCH", "8")).search();

        assertThat(defaults).isEqualTo(new SearchConfig("text-embedding-3-small", Duration.ofSeconds(2), 32));
        assertThat(set).isEqualTo(new SearchConfig("nomic-embed-text", Duration.ofMillis(500), 8));
        assertThatThrownBy(() -> fromEnvironment(Map.of("AICC_SEARCH_EMBEDDING_MODEL", "no spaces")))
                .hasMessageContaining("aicc.search.embedding.model");
        assertThatThrownBy(() -> fromEnvironment(Map.of("AICC_SEARCH_BACKFILL_BATCH", "1000")))
                .hasMessageContaining("aicc.search.backfill.batch");
    }

    @Test
    void everyOperatorVariableIsRead() {
        ApiConfig config = fromEnvironment(Map.ofEntries(
                Map.entry("AICC_HTTP_PORT", "9000"),
                Map.entry("AICC_DB_USER", "app"),
                Map.entry("AICC_DB_PASSWORD", "s3cret"),
                Map.entry("AICC_DB_POOL_MIN_IDLE", "1"),
                Map.entry("AICC_DB_POOL_MAX_SIZE", "7"),
                Map.entry("AICC_DB_POOL_CONNECTION_TIMEOUT", "3s"),
                Map.entry("AICC_REDIS_PASSWORD", "r3dis"),
                Map.entry("AICC_REDIS_POOL_MAX_TOTAL", "12"),
                Map.entry("AICC_REDIS_POOL_MAX_IDLE", "6"),
                Map.entry("AICC_CACHE_TTL", "30m"),
                Map.entry("AICC_MODEL_PROVIDER", "openai"),
                Map.entry("AICC_MODEL_BASE_URL", "http://llm:8000/v1"),
                Map.entry("AICC_MODEL_NAME", "coder"),
                Map.entry("AICC_MODEL_API_KEY", "sk-1")));

        assertThat(config.httpPort()).isEqualTo(9000);
        assertThat(config.database()).isEqualTo(new DatabaseConfig("jdbc:postgresql://db:5432/aicc", "app", "s3cret", 1, 7,
                Duration.ofSeconds(3)));
        assertThat(config.redis()).isEqualTo(new RedisConfig("cache", 6380, 2, Optional.of("r3dis"), 12, 6,
                RedisConfig.DEFAULT_TIMEOUT));
        assertThat(config.cacheTtl()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.model().provider()).isEqualTo(ModelConfig.Provider.OPENAI);
        assertThat(config.model().baseUrl()).hasValueSatisfying(u -> assertThat(u).hasToString("http://llm:8000/v1/"));
        assertThat(config.model().name()).contains("coder");
        assertThat(config.model().apiKey()).contains("sk-1");
    }

    @Test
    void secretsStayOutOfToString() {
        ApiConfig config = fromEnvironment(Map.of("AICC_DB_PASSWORD", "s3cret", "AICC_REDIS_PASSWORD", "r3dis",
                "AICC_MODEL_PROVIDER", "openai", "AICC_MODEL_BASE_URL", "http://llm/v1", "AICC_MODEL_NAME", "m",
                "AICC_MODEL_API_KEY", "sk-1"));

        assertThat(config.toString()).doesNotContain("s3cret").doesNotContain("r3dis").doesNotContain("sk-1");
    }

    @Test
    void missingDatabaseUrlNamesTheVariable() {
        Config config = Config.just(ConfigSources.create(Map.of("aicc.redis.url", "redis://r:6379")));

        assertThatThrownBy(() -> ApiConfig.read(config)).hasMessageContaining("AICC_DB_URL");
    }

    @Test
    void redisUrlMustBeARedisUrl() {
        assertThatThrownBy(() -> fromEnvironment(Map.of("AICC_REDIS_URL", "cache:6379")))
                .hasMessageContaining("AICC_REDIS_URL").hasMessageContaining("redis[s]://[:password@]host:port");
    }

    @Test
    void unknownModelProviderIsRejected() {
        assertThatThrownBy(() -> fromEnvironment(Map.of("AICC_MODEL_PROVIDER", "magic")))
                .hasMessageContaining("template, openai");
    }

    @Test
    void openaiProviderNeedsABaseUrlAndModelName() {
        assertThatThrownBy(() -> fromEnvironment(Map.of("AICC_MODEL_PROVIDER", "openai")))
                .hasMessageContaining("AICC_MODEL_BASE_URL");
    }

    @Test
    void durationsAreAWholeNumberAndOneUnit() {
        assertThat(ConfigDuration.parse("k", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ConfigDuration.parse("k", "30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(ConfigDuration.parse("k", "1h")).isEqualTo(Duration.ofHours(1));
        assertThat(ConfigDuration.parse("k", " 2d ")).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void isoAndOtherFormsAreRefusedAsTheOperatorAndTheCrdRefuseThem() {
        for (String other : new String[] {"PT5S", "5", "1.5s", "5 s", "-1s", "1h30m"}) {
            assertThatThrownBy(() -> ConfigDuration.parse("k", other)).as(other)
                    .hasMessageContaining("500ms, 5s, 30m, 1h or 2d");
        }
    }

    @Test
    void durationThatIsNotOneNamesTheKey() {
        assertThatThrownBy(() -> fromEnvironment(Map.of("AICC_CACHE_TTL", "soon")))
                .hasMessageContaining("aicc.cache.ttl").hasMessageContaining("soon");
    }
}
