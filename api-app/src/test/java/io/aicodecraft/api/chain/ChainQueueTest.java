package io.aicodecraft.api.chain;

import io.aicodecraft.api.ai.Language;
import io.aicodecraft.api.config.ChainConfig;
import io.aicodecraft.api.store.RedisKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.resps.StreamConsumerInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue itself, on a Redis database of its own, without workers. */
class ChainQueueTest {
    private static final ChainTestServers SERVERS = new ChainTestServers(14);

    private final JedisPooled redis = SERVERS.redis();
    private ChainQueue queue;

    @BeforeEach
    void emptyQueue() {
        redis.flushDB();
        queue = SERVERS.queue(ChainConfig.defaults());
        queue.ensureGroup();
    }

    @AfterEach
    void close() {
        queue.close();
        redis.close();
    }

    private ChainSpec diamond() {
        return new ChainSpec(List.of(task("a"), task("b", "a"), task("c", "a"), task("d", "b", "c")));
    }

    private static TaskSpec task(String id, String... dependsOn) {
        return new TaskSpec(id, "do " + id, null, Language.GO, List.of(dependsOn));
    }

    private ChainView submit(ChainSpec spec) {
        ChainView chain = new ChainView(UUID.randomUUID(), UUID.randomUUID(), ChainStatus.RUNNING, null,
                Instant.now(), null, spec.tasks().stream().map(TaskView::submitted).toList());
        queue.submit(chain, spec);
        return chain;
    }

    private Delivery next(String consumer) {
        Optional<Delivery> delivery = queue.receive(consumer);
        assertThat(delivery).isPresent();
        return delivery.get();
    }

    private void runToCompletion(Delivery delivery, ChainSpec spec, String consumer) {
        assertThat(queue.start(delivery, consumer, Instant.now())).isInstanceOf(Start.Run.class);
        queue.complete(delivery, "output of " + delivery.task(), spec, Instant.now());
    }

    @Test
    void joinIsQueuedOnlyOnceBothOfItsDependenciesFinished() {
        ChainSpec spec = diamond();
        ChainView chain = submit(spec);
        runToCompletion(next("w1"), spec, "w1");
        Delivery b = next("w1");
        Delivery c = next("w2");

        runToCompletion(b, spec, "w1");
        assertThat(queue.receive("w1")).as("d waits for c").isEmpty();
        runToCompletion(c, spec, "w2");

        Delivery d = next("w1");
        assertThat(d.task()).isEqualTo("d");
        runToCompletion(d, spec, "w1");
        assertThat(queue.receive("w2")).isEmpty();
        assertThat(queue.find(chain.id()).orElseThrow().status()).isEqualTo(ChainStatus.SUCCEEDED);
        assertThat(queue.context(chain.id(), List.of("a", "b", "c", "d"))).containsEntry("d", "output of d").hasSize(4);
    }

    @Test
    void deliveryOfATaskThatAlreadySucceededIsSkipped() {
        ChainSpec spec = new ChainSpec(List.of(task("a"), task("b", "a")));
        submit(spec);
        Delivery a = next("w1");
        runToCompletion(a, spec, "w1");

        assertThat(queue.start(a, "w2", Instant.now())).isInstanceOf(Start.Skip.class);
    }

    @Test
    void consumersOfGoneInstancesAreForgottenButNotOnesHoldingATask() throws InterruptedException {
        ChainSpec spec = new ChainSpec(List.of(task("a"), task("b")));
        submit(spec);
        next("holds-a-task");
        runToCompletion(next("gone"), spec, "gone");
        Thread.sleep(50);

        int forgotten = queue.forgetIdleConsumers(Duration.ofMillis(10));

        assertThat(forgotten).isEqualTo(1);
        assertThat(redis.xinfoConsumers2(RedisKeys.CHAIN_TASKS, RedisKeys.CHAIN_WORKERS)).extracting(StreamConsumerInfo::getName)
                .containsExactly("holds-a-task");
    }
}
