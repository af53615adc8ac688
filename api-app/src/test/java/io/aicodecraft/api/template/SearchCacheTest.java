package io.aicodecraft.api.template;

import io.aicodecraft.api.OwnRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The search cache over a Redis of its own, with a search that counts how often PostgreSQL would be asked. */
class SearchCacheTest {
    private static OwnRedis redis;

    private final AtomicInteger searches = new AtomicInteger();
    private final Function<TemplateQuery, TemplatePage> postgres = query -> {
        searches.incrementAndGet();
        return new TemplatePage(List.of(), Optional.empty());
    };
    private final TemplateQuery query = new TemplateQuery(Optional.of("parser"), Optional.empty(), 20, Optional.empty());

    @BeforeAll
    static void start() throws IOException {
        redis = OwnRedis.started();
    }

    @AfterAll
    static void stop() throws IOException {
        redis.close();
    }

    @Test
    void aRepeatedSearchIsAnsweredWithoutPostgres() {
        SearchCache cache = new SearchCache(redis.cache());

        cache.find(query, postgres);
        cache.find(query, postgres);

        assertThat(searches).hasValue(1);
    }

    @Test
    void aWriteOnAnyInstanceEndsEveryInstancesCachedResults() {
        SearchCache here = new SearchCache(redis.cache());
        SearchCache there = new SearchCache(redis.cache());
        here.find(query, postgres);

        there.changed();
        here.find(query, postgres);

        assertThat(searches).hasValue(2);
    }

    @Test
    void anotherQueryIsAnotherResult() {
        SearchCache cache = new SearchCache(redis.cache());

        cache.find(query, postgres);
        cache.find(new TemplateQuery(Optional.of("parser"), Optional.empty(), 10, Optional.empty()), postgres);

        assertThat(searches).hasValue(2);
    }

    @Test
    void withoutRedisEverySearchGoesToPostgres() throws IOException {
        SearchCache cache = new SearchCache(redis.cache());
        cache.find(query, postgres);

        redis.whileDown(() -> {
            cache.find(query, postgres);
            cache.find(query, postgres);
        });

        assertThat(searches).hasValue(3);
    }
}
