package io.aicodecraft.api.generation;

import io.aicodecraft.api.OwnRedis;
import io.aicodecraft.api.metrics.CacheMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The model-output cache over a Redis of its own, with a clock the test moves. */
class CacheAsideTest {
    private static final Duration TTL = Duration.ofMinutes(5);
    private static OwnRedis redis;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final AtomicInteger modelCalls = new AtomicInteger();
    private final String request = "request " + UUID.randomUUID();

    @BeforeAll
    static void start() throws IOException {
        redis = OwnRedis.started();
    }

    @AfterAll
    static void stop() throws IOException {
        redis.close();
    }

    private CacheAside instance() {
        return new CacheAside(redis.cache(), TTL, new CacheMetrics(new SimpleMeterRegistry()), 100, clock);
    }

    private Outcome<String> ask(CacheAside cache) {
        return cache.code("test", request, () -> "code " + modelCalls.incrementAndGet());
    }

    @Test
    void anotherInstancesAnswerIsAHitHere() {
        Outcome<String> first = ask(instance());

        Outcome<String> second = ask(instance());

        assertThat(first.cached()).isFalse();
        assertThat(first.tokens()).as("a model call costs an estimate: a token per 4 characters sent and received")
                .isEqualTo(Math.ceilDiv(request.length() + first.result().length(), 4));
        assertThat(second).as("a cached answer costs no tokens").isEqualTo(new Outcome<>(first.result(), true, 0));
        assertThat(modelCalls).hasValue(1);
    }

    @Test
    void theNearCacheAnswersWhileRedisIsDown() throws IOException {
        CacheAside cache = instance();
        String code = ask(cache).result();

        redis.whileDown(() -> assertThat(ask(cache)).isEqualTo(new Outcome<>(code, true, 0)));
        assertThat(modelCalls).hasValue(1);
    }

    @Test
    void anEntryIsNotServedPastItsTtlFromEitherCache() {
        CacheAside cache = instance();
        ask(cache);

        now.set(now.get().plus(TTL).plusSeconds(1));

        assertThat(ask(cache).cached()).isFalse();
        assertThat(ask(instance()).cached()).as("the fresh answer, from Redis").isTrue();
        assertThat(modelCalls).hasValue(2);
    }
}
