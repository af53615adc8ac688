package io.aicodecraft.api.store;

import io.aicodecraft.api.config.RedisConfig;
import io.aicodecraft.api.config.TrustedCertificates;
import redis.clients.jedis.DefaultJedisClientConfig;

/**
 * TLS of every Redis connection the API opens (the cache's, the chain queue's, the revocation feed's): over
 * {@code rediss://} the server's certificate must match its host name (Jedis's default, which RedisTlsTest holds it
 * to), and with {@code aicc.redis.ca.file} it must be signed by that CA rather than one the JVM trusts.
 */
public final class RedisTls {

    private RedisTls() {
    }

    public static DefaultJedisClientConfig.Builder apply(DefaultJedisClientConfig.Builder client, RedisConfig config) {
        client.ssl(config.tls());
        if (config.tls()) {
            config.caFile().ifPresent(ca -> client.sslSocketFactory(
                    TrustedCertificates.socketFactory(ca, "aicc.redis.ca.file (AICC_REDIS_CA_FILE)")));
        }
        return client;
    }
}
