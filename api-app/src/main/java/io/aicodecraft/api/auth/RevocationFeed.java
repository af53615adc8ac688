package io.aicodecraft.api.auth;

import io.aicodecraft.api.config.RedisConfig;
import io.aicodecraft.api.store.RedisKeys;
import io.aicodecraft.api.store.RedisTls;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Key revocations from every API instance, over the Redis channel {@link RedisKeys#KEY_REVOCATIONS}, into this instance's
 * {@link KeyCache}. The cache is trusted from the moment the subscription stands until it is lost; a connection that
 * stops answering pings for {@link #SILENT_LIMIT} counts as lost, so that a partition cannot hide a revocation for
 * longer than that.
 */
public final class RevocationFeed implements AutoCloseable {
    static final Duration PING_EVERY = Duration.ofSeconds(1);
    static final Duration SILENT_LIMIT = Duration.ofSeconds(3);
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);
    private static final Logger LOG = Logger.getLogger(RevocationFeed.class.getName());

    private final HostAndPort address;
    private final DefaultJedisClientConfig client;
    private final KeyCache cache;
    private final Thread subscriber;
    private final ScheduledExecutorService watchdog =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("aicc-revocation-watchdog").factory());
    private volatile Jedis connection;
    private volatile Listener listener;
    private volatile long lastHeardNanos;
    private volatile boolean closed;

    private RevocationFeed(RedisConfig config, KeyCache cache) {
        this.address = new HostAndPort(config.host(), config.port());
        DefaultJedisClientConfig.Builder builder = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) config.timeout().toMillis())
                .clientName("aicc-api-revocations");
        RedisTls.apply(builder, config);
        config.password().ifPresent(builder::password);
        this.client = builder.build();
        this.cache = cache;
        this.subscriber = Thread.ofVirtual().name("aicc-revocation-feed").unstarted(this::subscribe);
    }

    public static RevocationFeed start(RedisConfig config, KeyCache cache) {
        RevocationFeed feed = new RevocationFeed(config, cache);
        feed.subscriber.start();
        feed.watchdog.scheduleAtFixedRate(feed::check, PING_EVERY.toMillis(), PING_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        return feed;
    }

    private final class Listener extends JedisPubSub {
        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            heard();
            cache.trust(true);
        }

        @Override
        public void onMessage(String channel, String message) {
            heard();
            try {
                cache.revoked(UUID.fromString(message));
            } catch (IllegalArgumentException e) {
                LOG.warning("ignoring a revocation that is not a key id: " + message);
            }
        }

        @Override
        public void onPong(String pattern) {
            heard();
        }
    }

    private void heard() {
        lastHeardNanos = System.nanoTime();
    }

    private void subscribe() {
        while (!closed) {
            try (Jedis jedis = new Jedis(address, client)) {
                connection = jedis;
                Listener current = new Listener();
                listener = current;
                jedis.subscribe(current, RedisKeys.KEY_REVOCATIONS);
            } catch (JedisException e) {
                LOG.log(Level.FINE, "revocation feed lost: " + e.getMessage());
            } finally {
                listener = null;
                cache.trust(false);
            }
            pause();
        }
    }

    /** Pings the subscription and drops it when it has gone quiet, so that the subscriber reconnects. */
    private void check() {
        Listener current = listener;
        if (current == null || !current.isSubscribed()) {
            return;
        }
        if (System.nanoTime() - lastHeardNanos > SILENT_LIMIT.toNanos()) {
            LOG.warning("revocation feed silent for " + SILENT_LIMIT.toSeconds() + " s; keys are checked in"
                    + " PostgreSQL until it is back");
            cache.trust(false);
            Jedis jedis = connection;
            if (jedis != null) {
                jedis.disconnect();
            }
            return;
        }
        try {
            current.ping();
        } catch (JedisException e) {
            cache.trust(false);
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        watchdog.shutdownNow();
        Listener current = listener;
        if (current != null && current.isSubscribed()) {
            try {
                current.unsubscribe();
            } catch (JedisException ignored) {
                // the connection is gone already
            }
        }
        Jedis jedis = connection;
        if (jedis != null) {
            jedis.disconnect();
        }
        subscriber.interrupt();
    }
}
