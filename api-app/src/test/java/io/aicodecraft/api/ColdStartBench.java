package io.aicodecraft.api;

import io.aicodecraft.api.config.DatabaseConfig;
import io.aicodecraft.api.config.RedisConfig;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold start of the API as a pod runs it: {@code java -jar api-app-app.jar serve} in a new JVM against a running,
 * migrated PostgreSQL and Redis (the tests' own), from process start until {@code /health/ready} first answers 200.
 * Runs each JVM option set {@code runs} times and prints the median and the slowest: the plain JVM, and the JDK's
 * AOT cache (JEP 483/514) made by one training run of the same command. Not a test: bench/cold-start-bench.sh runs
 * it with {@code -Djar=... -Druns=...}.
 */
public final class ColdStartBench {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

    private ColdStartBench() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("jar"));
        int runs = Integer.getInteger("runs", 5);
        TestServers servers = TestServers.shared();
        Path work = Files.createTempDirectory("aicc-cold-start");
        Path aot = work.resolve("api.aot");
        Map<String, List<String>> options = new java.util.LinkedHashMap<>();
        options.put("plain JVM", List.of());
        // one training run writes the cache on exit; the measured runs then load it
        startToReady(jar, servers, List.of("-XX:AOTCacheOutput=" + aot), true);
        options.put("AOT cache (-XX:AOTCache)", List.of("-XX:AOTCache=" + aot));
        System.out.printf("cold start to ready of %s serve, %d runs each, %d cores, JDK %s%n", jar.getFileName(),
                runs, Runtime.getRuntime().availableProcessors(), Runtime.version());
        System.out.printf("%-28s %10s %10s%n", "JVM options", "median ms", "max ms");
        for (var option : options.entrySet()) {
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                millis.add(startToReady(jar, servers, option.getValue(), false));
            }
            Collections.sort(millis);
            System.out.printf("%-28s %10d %10d%n", option.getKey(), millis.get(millis.size() / 2), millis.getLast());
        }
    }

    private static long startToReady(Path jar, TestServers servers, List<String> jvmOptions, boolean training)
            throws IOException, InterruptedException {
        int port = TestServers.freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "serve"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment(servers, port));
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            URI ready = URI.create("http://127.0.0.1:" + port + "/health/ready");
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the API exited with " + process.exitValue());
                }
                try {
                    if (HTTP.send(HttpRequest.newBuilder(ready).GET().build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 200) {
                        return (System.nanoTime() - start) / 1_000_000;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(5);
            }
        } finally {
            process.destroy();
            process.waitFor();
            if (training && !process.isAlive()) {
                // SIGTERM runs the shutdown hooks, and the JVM writes the AOT cache as it exits
                System.out.println("training run done");
            }
        }
    }

    private static Map<String, String> environment(TestServers servers, int port) {
        DatabaseConfig db = servers.database();
        RedisConfig redis = servers.redis();
        Map<String, String> env = new HashMap<>(Map.of("AICC_HTTP_PORT", String.valueOf(port), "AICC_DB_URL", db.url(),
                "AICC_DB_USER", db.user(), "AICC_DB_PASSWORD", db.password(),
                "AICC_REDIS_URL", "redis://" + redis.host() + ":" + redis.port(), "AICC_LOG_ACCESS", "false"));
        redis.password().ifPresent(password -> env.put("AICC_REDIS_PASSWORD", password));
        return env;
    }
}
