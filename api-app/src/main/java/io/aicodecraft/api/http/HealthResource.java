package io.aicodecraft.api.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aicodecraft.api.store.Database;
import io.aicodecraft.api.store.Probe;
import io.aicodecraft.api.store.RedisCache;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code /health/live}: the process serves HTTP. {@code /health/ready}: PostgreSQL and Redis with their
 * latency; 503 without PostgreSQL (nothing useful works), 200 "degraded" without Redis (only the cache is gone).
 */
public final class HealthResource implements HttpService {
    private static final ExecutorService PROBES = Executors.newVirtualThreadPerTaskExecutor();

    private final Database database;
    private final RedisCache cache;
    private final JsonReply reply;

    public HealthResource(Database database, RedisCache cache, JsonReply reply) {
        this.database = database;
        this.cache = cache;
        this.reply = reply;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/live", this::live).get("/ready", this::ready);
    }

    private void live(ServerRequest req, ServerResponse res) {
        reply.send(res, Status.OK_200, JsonNodeFactory.instance.objectNode().put("status", "up"));
    }

    private void ready(ServerRequest req, ServerResponse res) {
        // both at once: the slower of two timeouts, not their sum
        CompletableFuture<Probe> redis = CompletableFuture.supplyAsync(cache::probe, PROBES);
        Probe postgres = database.probe();
        Probe redisProbe = redis.join();
        String status = !postgres.up() ? "down" : redisProbe.up() ? "up" : "degraded";
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("status", status);
        ObjectNode checks = body.putObject("checks");
        checks.set("postgres", check(postgres));
        checks.set("redis", check(redisProbe));
        reply.send(res, postgres.up() ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503, body);
    }

    private static ObjectNode check(Probe probe) {
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("status", probe.up() ? "up" : "down")
                .put("latencyMs", probe.latency().toNanos() / 1_000_000.0);
        probe.error().ifPresent(error -> node.put("error", error));
        return node;
    }
}
