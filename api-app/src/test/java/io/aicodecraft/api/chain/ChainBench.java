package io.aicodecraft.api.chain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aicodecraft.api.ApiServer;
import io.aicodecraft.api.TestServers;
import io.aicodecraft.api.config.ChainConfig;
import io.aicodecraft.api.config.DatabaseConfig;
import redis.clients.jedis.JedisPooled;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Chain throughput with the template model (run by {@code bench/chain-bench.sh}): an API with embedded PostgreSQL
 * and Redis in this JVM; for each worker count, {@code chains} chains (diamonds of 4 tasks, or {@code width}-wide
 * fans with a final join) are submitted over HTTP by {@code clients} threads, and the run ends when PostgreSQL
 * holds every one of them finished. Reports tasks/s and chain latency (submission to finish) p50 and p99.
 */
public final class ChainBench {
    private static final ChainTestServers SERVERS = new ChainTestServers(13);

    private ChainBench() {
    }

    public static void main(String[] args) throws Exception {
        int chains = Integer.getInteger("chains", 200);
        int clients = Integer.getInteger("clients", 8);
        int width = Integer.getInteger("width", 2);
        List<Integer> workerCounts = java.util.Arrays.stream(System.getProperty("workers", "1,4,16").split(","))
                .map(String::strip).map(Integer::parseInt).toList();
        System.out.printf(Locale.ROOT,
                "chain benchmark: %d cores, %d chains of %d tasks per run, %d submitting clients%n",
                Runtime.getRuntime().availableProcessors(), chains, width + 2, clients);
        System.out.printf(Locale.ROOT, "%8s %8s %10s %10s %10s %12s %12s%n", "workers", "tasks", "seconds", "tasks/s",
                "chains/s", "p50 ms", "p99 ms");
        for (int workers : workerCounts) {
            try (JedisPooled redis = SERVERS.redis()) {
                redis.flushDB();
            }
            try (ApiServer server = SERVERS.start(ChainConfig.defaults().withWorkers(workers))) {
                ChainClient client = new ChainClient(ChainTestServers.client(server));
                run(client, Math.max(10, chains / 10), clients, width);
                Result result = run(client, chains, clients, width);
                System.out.printf(Locale.ROOT, "%8d %8d %10.2f %10.1f %10.1f %12.1f %12.1f%n", workers, result.tasks(),
                        result.seconds(), result.tasks() / result.seconds(), chains / result.seconds(), result.p50(),
                        result.p99());
            }
        }
        System.exit(0);
    }

    private record Result(int tasks, double seconds, double p50, double p99) {
    }

    private static Result run(ChainClient client, int chains, int clients, int width) throws Exception {
        UUID user = UUID.randomUUID();
        String run = UUID.randomUUID().toString().replace("-", "");
        long start = System.nanoTime();
        List<UUID> ids = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService submitters = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> submitted = new ArrayList<>();
            for (int i = 0; i < chains; i++) {
                int n = i;
                submitted.add(submitters.submit(() -> ids.add(client.submit(user, fan("b" + run + "n" + n, width)))));
            }
            for (Future<?> future : submitted) {
                future.get();
            }
        }
        List<Double> latencies = awaitFinished(ids);
        double seconds = (System.nanoTime() - start) / 1e9;
        Collections.sort(latencies);
        return new Result(chains * (width + 2), seconds, percentile(latencies, 0.50), percentile(latencies, 0.99));
    }

    /** A root, {@code width} tasks on it, and a join on all of them. */
    private static ObjectNode fan(String topic, int width) {
        List<ObjectNode> tasks = new ArrayList<>();
        tasks.add(ChainClient.task("root", "load data " + topic));
        String[] middle = new String[width];
        for (int i = 0; i < width; i++) {
            middle[i] = "m" + i;
            tasks.add(ChainClient.task(middle[i], "transform part " + i + " " + topic, "root"));
        }
        tasks.add(ChainClient.task("join", "merge results " + topic, middle));
        return ChainClient.chain(tasks.toArray(ObjectNode[]::new));
    }

    /** Polls PostgreSQL, which has each chain once it finished; returns each chain's latency in ms. */
    private static List<Double> awaitFinished(List<UUID> ids) throws SQLException, InterruptedException {
        DatabaseConfig db = TestServers.shared().database();
        try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement query = connection.prepareStatement("""
                     SELECT status, EXTRACT(EPOCH FROM finished_at - created_at) * 1000 FROM task_chains
                     WHERE id = ANY (?) AND status <> 'running'""")) {
            Array array = connection.createArrayOf("uuid", ids.toArray());
            query.setArray(1, array);
            while (true) {
                List<Double> latencies = new ArrayList<>();
                int failed = 0;
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        failed += rows.getString(1).equals("failed") ? 1 : 0;
                        latencies.add(rows.getDouble(2));
                    }
                }
                if (failed > 0) {
                    throw new IllegalStateException(failed + " chains failed during the benchmark");
                }
                if (latencies.size() == ids.size()) {
                    return latencies;
                }
                Thread.sleep(10);
            }
        }
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
