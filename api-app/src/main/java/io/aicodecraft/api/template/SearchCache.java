package io.aicodecraft.api.template;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.aicodecraft.api.store.RedisCache;
import io.aicodecraft.api.store.RedisKeys;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Search results kept in this process under the library's generation: a counter in Redis that every template write
 * moves on, on whichever instance, so a result is never served after a write. A repeated search costs one Redis
 * read instead of a ranked query in PostgreSQL, and concurrent identical searches run the query once. Without Redis
 * every search goes to PostgreSQL. Should a write fail to move the counter (Redis away for the writer alone), the
 * entries' lifetime {@link #LIFETIME} bounds how long an older result can be served.
 */
final class SearchCache {
    static final Duration LIFETIME = Duration.ofMinutes(1);
    private static final int MAX_PAGES = 2_000;

    private final RedisCache redis;
    private final Cache<String, TemplatePage> pages =
            Caffeine.newBuilder().maximumSize(MAX_PAGES).expireAfterWrite(LIFETIME).build();

    SearchCache(RedisCache redis) {
        this.redis = redis;
    }

    TemplatePage find(TemplateQuery query, Function<TemplateQuery, TemplatePage> search) {
        Optional<String> generation = redis.attempt(
                jedis -> Optional.ofNullable(jedis.get(RedisKeys.TEMPLATE_GENERATION)).orElse("0"));
        if (generation.isEmpty()) {
            return search.apply(query);
        }
        return pages.get(generation.get() + "|" + query, key -> search.apply(query));
    }

    /** After a template write has committed. */
    void changed() {
        redis.attempt(jedis -> jedis.incr(RedisKeys.TEMPLATE_GENERATION));
    }
}
