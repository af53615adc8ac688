package io.aicodecraft.api;

import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

import java.io.File;
import java.io.IOException;
import java.util.Optional;

/**
 * The Redis that {@code dev} mode and the tests start on this machine, without persistence. Its binary is
 * {@code $AICC_REDIS_SERVER}, else a {@code redis-server} on the PATH (Debian's 7.0, which CI installs: the release
 * a stack runs by default), else the 6.2 that embedded-redis bundles, so that {@code dev} needs nothing installed.
 */
public final class LocalRedis {
    private static final String SETTING = "AICC_REDIS_SERVER";

    private LocalRedis() {
    }

    /** A server on {@code 127.0.0.1:port}, not started. */
    public static RedisServer server(int port) throws IOException {
        return RedisServer.newRedisServer().executableProvider(LocalRedis::executable).port(port).bind("127.0.0.1")
                .setting("save \"\"").build();
    }

    public static File executable() throws IOException {
        Optional<String> configured = Optional.ofNullable(System.getenv(SETTING)).filter(path -> !path.isBlank());
        if (configured.isPresent()) {
            return new File(configured.get());
        }
        try {
            return ExecutableProvider.newExecutableInPath("redis-server").get();
        } catch (IOException notOnPath) {
            return ExecutableProvider.newJarResourceProvider().get();
        }
    }
}
