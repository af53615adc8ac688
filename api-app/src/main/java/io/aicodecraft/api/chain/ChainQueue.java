package io.aicodecraft.api.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aicodecraft.api.config.ChainConfig;
import io.aicodecraft.api.config.RedisConfig;
import io.aicodecraft.api.store.RedisKeys;
import io.aicodecraft.api.store.RedisScript;
import io.aicodecraft.api.store.RedisTls;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamConsumerInfo;
import redis.clients.jedis.resps.StreamEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static io.aicodecraft.api.store.RedisKeys.CHAIN_TASKS;
import static io.aicodecraft.api.store.RedisKeys.CHAIN_WORKERS;

/**
 * The chains' live state in Redis. One stream of runnable tasks read through one consumer group by the workers
 * of every API instance; per chain a hash with its owner, status, spec and each task's status, and the context
 * accumulator, a hash of the outputs of its finished tasks. Both hashes expire {@code stateTtl} after the chain's
 * last progress. Every step that moves a chain on is one Lua script, so that two workers finishing the last two
 * dependencies of a task at the same moment queue it once, not twice.
 */
public final class ChainQueue implements AutoCloseable {
    /** How long a worker's read waits for a task; bounds how long stopping a worker takes. */
    static final Duration BLOCK = Duration.ofMillis(500);
    private static final TypeReference<List<TaskSpec>> SPEC = new TypeReference<>() {
    };
    // src/main/resources/redis/: each step that moves a chain on
    private static final RedisScript SUBMIT = RedisScript.load("chain-submit");
    private static final RedisScript START = RedisScript.load("chain-start");
    private static final RedisScript COMPLETE = RedisScript.load("chain-complete");
    private static final RedisScript SET_IF_PRESENT = RedisScript.load("hash-set-if-present");

    private final JedisPooled redis;
    private final ChainConfig config;
    private final ObjectMapper json;

    public ChainQueue(RedisConfig redisConfig, ChainConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        // a pool of its own: workers hold connections in blocking reads, which need a longer socket timeout
        // than the cache's and must never leave the cache without connections
        int timeoutMillis = (int) redisConfig.timeout().toMillis();
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeoutMillis)
                .socketTimeoutMillis(timeoutMillis + (int) BLOCK.toMillis())
                .database(redisConfig.database())
                .clientName("aicc-chains");
        redisConfig.password().ifPresent(client::password);
        RedisTls.apply(client, redisConfig);
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(config.workers() + redisConfig.poolMaxTotal());
        pool.setMaxWait(redisConfig.timeout());
        // a connection left over from before a Redis restart must not fail the next submission
        pool.setTestOnBorrow(true);
        this.redis = new JedisPooled(new HostAndPort(redisConfig.host(), redisConfig.port()), client.build(), pool);
    }

    /** Creates the consumer group (and the stream) unless it exists; again after Redis lost it. */
    public void ensureGroup() {
        call(() -> {
            try {
                return redis.xgroupCreate(CHAIN_TASKS, CHAIN_WORKERS, new StreamEntryID(), true);
            } catch (JedisDataException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("BUSYGROUP")) {
                    return "exists";
                }
                throw e;
            }
        });
    }

    /**
     * Removes the group's consumers that hold no task and have not read for {@code idle}: those of instances that
     * are gone (every start names new consumers). Live workers read every {@link #BLOCK}, so they never qualify.
     */
    public int forgetIdleConsumers(Duration idle) {
        return call(() -> {
            int forgotten = 0;
            for (StreamConsumerInfo consumer : redis.xinfoConsumers2(CHAIN_TASKS, CHAIN_WORKERS)) {
                if (consumer.getPending() == 0 && consumer.getIdle() >= idle.toMillis()) {
                    redis.xgroupDelConsumer(CHAIN_TASKS, CHAIN_WORKERS, consumer.getName());
                    forgotten++;
                }
            }
            return forgotten;
        });
    }

    /** Stores a new chain and queues its tasks without dependencies, in one step. */
    public void submit(ChainView chain, ChainSpec spec) {
        List<String> fields = new ArrayList<>(List.of("owner", chain.owner().toString(), "status", "running",
                "created", millis(chain.createdAt()), "remaining", String.valueOf(spec.tasks().size()),
                "spec", write(spec.tasks())));
        for (TaskSpec task : spec.tasks()) {
            fields.add("task:" + task.id() + ":status");
            fields.add(TaskView.submitted(task).status().id());
        }
        List<String> args = new ArrayList<>(List.of(seconds(config.stateTtl()), chain.id().toString(),
                String.valueOf(fields.size())));
        args.addAll(fields);
        spec.roots().forEach(root -> args.add(root.id()));
        call(() -> SUBMIT.run(redis, List.of(RedisKeys.chain(chain.id()), CHAIN_TASKS), args));
    }

    /** The chain as Redis knows it; empty when Redis has no state for it (never had, expired, or lost). */
    public Optional<ChainView> find(UUID id) {
        Map<String, String> chain = call(() -> redis.hgetAll(RedisKeys.chain(id)));
        if (chain.isEmpty() || !chain.containsKey("spec")) {
            return Optional.empty();
        }
        Map<String, String> context = call(() -> redis.hgetAll(RedisKeys.chainContext(id)));
        List<TaskView> tasks = read(chain.get("spec")).stream().map(task -> {
            String prefix = "task:" + task.id() + ":";
            return new TaskView(task.id(), task.prompt(), task.template(), task.language(), task.dependsOn(),
                    TaskStatus.of(chain.getOrDefault(prefix + "status", "waiting")),
                    Integer.parseInt(chain.getOrDefault(prefix + "attempts", "0")), chain.get(prefix + "worker"),
                    context.get(task.id()), chain.get(prefix + "error"), instant(chain.get(prefix + "started")),
                    instant(chain.get(prefix + "finished")));
        }).toList();
        return Optional.of(new ChainView(id, UUID.fromString(chain.get("owner")), ChainStatus.of(chain.get("status")),
                chain.get("reason"), instant(chain.get("created")), instant(chain.get("finished")), tasks));
    }

    /** Whether the chain's finished state has been written to PostgreSQL. */
    public boolean persisted(UUID id) {
        return call(() -> redis.hexists(RedisKeys.chain(id), "persisted"));
    }

    public void markPersisted(UUID id) {
        call(() -> SET_IF_PRESENT.run(redis, List.of(RedisKeys.chain(id)), List.of("persisted", "1")));
    }

    /** A task whose worker has not acknowledged it for the claim-idle time, now this consumer's; or empty. */
    public Optional<Delivery> claimStale(String consumer) {
        return call(() -> {
            try {
                Map.Entry<StreamEntryID, List<StreamEntry>> claimed = redis.xautoclaim(CHAIN_TASKS, CHAIN_WORKERS, consumer,
                        config.claimIdle().toMillis(), new StreamEntryID(), new XAutoClaimParams().count(1));
                return first(claimed.getValue());
            } catch (JedisDataException e) {
                return recreateGroupIfLost(e);
            }
        });
    }

    /** The next new task for this consumer, waiting up to {@link #BLOCK} for one; or empty. */
    public Optional<Delivery> receive(String consumer) {
        return call(() -> {
            try {
                List<Map.Entry<String, List<StreamEntry>>> read = redis.xreadGroup(CHAIN_WORKERS, consumer,
                        XReadGroupParams.xReadGroupParams().count(1).block((int) BLOCK.toMillis()),
                        Map.of(CHAIN_TASKS, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
                return read == null || read.isEmpty() ? Optional.<Delivery>empty() : first(read.getFirst().getValue());
            } catch (JedisDataException e) {
                return recreateGroupIfLost(e);
            }
        });
    }

    public Start start(Delivery delivery, String worker, Instant now) {
        List<?> reply = (List<?>) call(() -> START.run(redis, List.of(RedisKeys.chain(delivery.chain()), CHAIN_TASKS),
                List.of(CHAIN_WORKERS, delivery.entry().toString(), delivery.task(), worker, millis(now),
                        String.valueOf(config.retries() + 1))));
        return switch ((String) reply.getFirst()) {
            case "run" -> new Start.Run(UUID.fromString((String) reply.get(1)),
                    new ChainSpec(read((String) reply.get(2))),
                    ((Long) reply.get(3)).intValue());
            case "exhausted" -> new Start.Exhausted((String) reply.get(1));
            default -> new Start.Skip();
        };
    }

    /** The outputs of {@code tasks} of the chain, from its context accumulator. */
    public Map<String, String> context(UUID chain, List<String> tasks) {
        if (tasks.isEmpty()) {
            return Map.of();
        }
        List<String> values = call(() -> redis.hmget(RedisKeys.chainContext(chain), tasks.toArray(String[]::new)));
        Map<String, String> context = new HashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            if (values.get(i) != null) {
                context.put(tasks.get(i), values.get(i));
            }
        }
        return context;
    }

    /**
     * Records the output, queues the dependents that became runnable and removes the delivery; returns how many
     * tasks of the chain remain, 0 when this finished it, or -1 when the chain or task was finished already.
     */
    public long complete(Delivery delivery, String output, ChainSpec chain, Instant now) {
        List<String> args = new ArrayList<>(List.of(CHAIN_WORKERS, delivery.entry().toString(), delivery.chain().toString(),
                delivery.task(), output, millis(now), seconds(config.stateTtl())));
        for (TaskSpec dependent : chain.dependents(delivery.task())) {
            args.add(dependent.id() + " " + String.join(" ", dependent.dependsOn()));
        }
        return (Long) call(() -> COMPLETE.run(redis,
                List.of(RedisKeys.chain(delivery.chain()), RedisKeys.chainContext(delivery.chain()), CHAIN_TASKS), args));
    }

    /** Notes why an attempt failed; the delivery stays unacknowledged, so it is claimed again after the idle time. */
    public void attemptFailed(Delivery delivery, String error) {
        String task = "task:" + delivery.task() + ":";
        call(() -> SET_IF_PRESENT.run(redis, List.of(RedisKeys.chain(delivery.chain())),
                List.of(task + "error", error, task + "status", "queued")));
    }

    /**
     * Tells the group that {@code consumer} is still at work on the delivery: resets its idle time without counting
     * a delivery (XCLAIM JUSTID), so that a long model call is not mistaken for a dead worker.
     */
    public void keep(Delivery delivery, String consumer) {
        call(() -> redis.xclaimJustId(CHAIN_TASKS, CHAIN_WORKERS, consumer, 0, XClaimParams.xClaimParams(), delivery.entry()));
    }

    /** Removes a delivery that needs no more work. */
    public void discard(Delivery delivery) {
        call(() -> {
            redis.xack(CHAIN_TASKS, CHAIN_WORKERS, delivery.entry());
            return redis.xdel(CHAIN_TASKS, delivery.entry());
        });
    }

    /** Tasks queued and not yet finished: processed entries are deleted, so this is the stream's length. */
    public long depth() {
        return call(() -> redis.xlen(CHAIN_TASKS));
    }

    private Optional<Delivery> first(List<StreamEntry> entries) {
        if (entries == null || entries.isEmpty()) {
            return Optional.empty();
        }
        StreamEntry entry = entries.getFirst();
        Map<String, String> fields = entry.getFields();
        try {
            return Optional.of(new Delivery(entry.getID(), UUID.fromString(fields.get("chain")),
                    Objects.requireNonNull(fields.get("task"))));
        } catch (RuntimeException e) {
            // not written by this API; leaving it would have it claimed forever
            redis.xack(CHAIN_TASKS, CHAIN_WORKERS, entry.getID());
            redis.xdel(CHAIN_TASKS, entry.getID());
            return Optional.empty();
        }
    }

    /** A Redis that restarted without persistence has lost the group: make it again and read on. */
    private Optional<Delivery> recreateGroupIfLost(JedisDataException e) {
        if (e.getMessage() == null || !e.getMessage().startsWith("NOGROUP")) {
            throw e;
        }
        ensureGroup();
        return Optional.empty();
    }

    private <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisDataException e) {
            throw e;
        } catch (JedisException e) {
            throw new QueueUnavailableException("Redis (the chain queue) is unavailable: " + e.getMessage(), e);
        }
    }

    private String write(List<TaskSpec> tasks) {
        try {
            return json.writeValueAsString(tasks);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a chain", e);
        }
    }

    private List<TaskSpec> read(String spec) {
        try {
            return json.readValue(spec, SPEC);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a queued chain cannot be read", e);
        }
    }

    private static String millis(Instant time) {
        return String.valueOf(time.toEpochMilli());
    }

    private static Instant instant(String millis) {
        return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }

    private static String seconds(Duration duration) {
        return String.valueOf(duration.toSeconds());
    }

    @Override
    public void close() {
        redis.close();
    }
}
