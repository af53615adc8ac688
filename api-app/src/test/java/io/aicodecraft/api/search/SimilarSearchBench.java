package io.aicodecraft.api.search;

import io.aicodecraft.api.PgvectorServer;
import io.aicodecraft.api.ai.MiniLmEmbeddings;
import io.aicodecraft.api.store.Database;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Semantic search on PostgreSQL with pgvector and the in-process all-MiniLM-L6-v2 (run by
 * {@code bench/similar-search-bench.sh}): writes templates and generations straight into the database (a fixed seed),
 * times the backfill that embeds them, then runs closed-loop clients against both routes and reports requests/s,
 * p50 and p99, the cost of embedding one query, and PostgreSQL's plan.
 *
 * <p>Settings (system properties): {@code templates} (2000), {@code generations} (5000, over 20 users),
 * {@code clients} (4), {@code seconds} (10 per route), {@code warmup} (3).
 */
public final class SimilarSearchBench {
    private static final List<String> ACTIONS = List.of("parse", "sort", "reverse", "validate", "compress", "encrypt",
            "download", "upload", "cache", "retry", "merge", "split", "hash", "format", "schedule", "render");
    private static final List<String> THINGS = List.of("a string", "a list of numbers", "a CSV file", "a JSON document",
            "an HTTP response", "a date", "an email address", "a log file", "a matrix", "a URL", "a password",
            "an image", "a queue of jobs", "a binary tree", "a SQL query", "a configuration file");
    private static final List<String> QUERIES = List.of("reverse a string", "read rows from a spreadsheet file",
            "check that an email is valid", "make a web request and retry on failure", "store results for later");

    private record Figures(double perSecond, double p50Ms, double p99Ms, long errors) {
    }

    private SimilarSearchBench() {
    }

    public static void main(String[] args) throws Exception {
        int templates = Integer.getInteger("templates", 2_000);
        int generations = Integer.getInteger("generations", 5_000);
        int clients = Integer.getInteger("clients", 4);
        Duration measure = Duration.ofSeconds(Integer.getInteger("seconds", 10));
        Duration warmup = Duration.ofSeconds(Integer.getInteger("warmup", 3));
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            users.add(new UUID(0xbe9c, i));
        }
        var database = PgvectorServer.shared().migratedDatabase();
        try (Database db = new Database(database)) {
            seed(db, templates, generations, users);
            long start = System.nanoTime();
            try (SearchApi api = SearchApi.on(database);
                 ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                while (pending(db) > 0) {
                    Thread.sleep(200);
                }
                double backfill = (System.nanoTime() - start) / 1e9;
                db.run(c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("ANALYZE");
                    }
                    return null;
                });
                System.out.printf("%nSemantic search benchmark: %d templates, %d generations of %d users, %d clients,"
                                + " %d s per route, %d cores, %s%n", templates, generations, users.size(), clients,
                        measure.toSeconds(), Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.vm.version"));
                System.out.printf("backfill: %d rows embedded in %.1f s (%.0f rows/s, including the model's load)%n",
                        templates + generations, backfill, (templates + generations) / backfill);
                MiniLmEmbeddings model = new MiniLmEmbeddings();
                long embedStart = System.nanoTime();
                for (int i = 0; i < 100; i++) {
                    model.embed(List.of(QUERIES.get(i % QUERIES.size()) + " " + i));
                }
                System.out.printf("embedding one query: %.2f ms (mean of 100, one thread)%n",
                        (System.nanoTime() - embedStart) / 1e6 / 100);

                HttpClient http = HttpClient.newBuilder().executor(threads).connectTimeout(Duration.ofSeconds(5)).build();
                URI base = URI.create("http://127.0.0.1:" + api.server.port());
                System.out.printf("%-40s %10s %10s %10s %8s%n", "route", "req/s", "p50 ms", "p99 ms", "errors");
                for (String route : List.of("/v1/templates/similar", "/v1/generations/similar")) {
                    for (int limit : List.of(10, 50)) {
                        run(http, base, threads, route, limit, users, clients, warmup);
                        Figures f = run(http, base, threads, route, limit, users, clients, measure);
                        System.out.printf("%-40s %10.0f %10.2f %10.2f %8d%n", route + "?limit=" + limit,
                                f.perSecond(), f.p50Ms(), f.p99Ms(), f.errors());
                    }
                }
                explain(db, users.getFirst());
            }
        }
        System.exit(0);
    }

    private static void seed(Database db, int templates, int generations, List<UUID> users) {
        Random random = new Random(42);
        db.transaction(c -> {
            try (PreparedStatement t = c.prepareStatement("INSERT INTO templates (owner_id, version, name, description,"
                    + " category, language, body, variables) VALUES (?, 1, ?, ?, 'bench', 'python', ?, '{}')")) {
                for (int i = 0; i < templates; i++) {
                    String action = pick(random, ACTIONS);
                    String thing = pick(random, THINGS);
                    t.setObject(1, users.getFirst());
                    t.setString(2, action + " " + thing + " " + i);
                    t.setString(3, "Templates to " + action + " " + thing);
                    t.setString(4, "Write a function that can " + action + " " + thing + " and then "
                            + pick(random, ACTIONS) + " " + pick(random, THINGS) + ".");
                    t.addBatch();
                }
                t.executeBatch();
            }
            try (PreparedStatement g = c.prepareStatement("INSERT INTO code_generations (user_id, prompt, language,"
                    + " model, code) VALUES (?, ?, 'python', 'template', 'pass')")) {
                for (int i = 0; i < generations; i++) {
                    g.setObject(1, users.get(i % users.size()));
                    g.setString(2, pick(random, ACTIONS) + " " + pick(random, THINGS) + " (" + i + ")");
                    g.addBatch();
                }
                g.executeBatch();
            }
            return null;
        });
    }

    private static String pick(Random random, List<String> words) {
        return words.get(random.nextInt(words.size()));
    }

    private static long pending(Database db) {
        return db.run(c -> {
            try (Statement s = c.createStatement(); ResultSet row = s.executeQuery(
                    "SELECT (SELECT count(*) FROM templates WHERE embedded_version IS DISTINCT FROM version)"
                            + " + (SELECT count(*) FROM code_generations WHERE embedding IS NULL)")) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    private static Figures run(HttpClient http, URI base, ExecutorService threads, String route, int limit,
                               List<UUID> users, int clients, Duration length) throws Exception {
        long end = System.nanoTime() + length.toNanos();
        List<Future<long[]>> workers = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            workers.add(threads.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                for (int i = offset; System.nanoTime() < end && n < latencies.length; i++) {
                    String text = QUERIES.get(i % QUERIES.size()) + (i % 7 == 0 ? "" : " " + (i % 50));
                    HttpRequest request = HttpRequest.newBuilder(base.resolve(route + "?limit=" + limit + "&text="
                                    + URLEncoder.encode(text, StandardCharsets.UTF_8)))
                            .header("X-User-Id", users.get(i % users.size()).toString()).GET().build();
                    long start = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    latencies[n++] = System.nanoTime() - start;
                    if (response.statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> worker : workers) {
            all.add(worker.get());
        }
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Figures(latencies.length / (double) length.toSeconds(), latencies[latencies.length / 2] / 1e6,
                latencies[(int) (latencies.length * 0.99)] / 1e6, errors.get());
    }

    /** The plans of both searches, with a fixed vector: the HNSW indexes should serve them. */
    private static void explain(Database db, UUID user) {
        String vector = PgVector.literal(new MiniLmEmbeddings().embed(List.of("reverse a string")).getFirst());
        for (String query : List.of(
                "SELECT id FROM templates WHERE embedding IS NOT NULL AND embedding_model = 'all-minilm-l6-v2-q'"
                        + " ORDER BY embedding <=> '" + vector + "' LIMIT 10",
                "SELECT id FROM code_generations WHERE user_id = '" + user + "' AND embedding IS NOT NULL"
                        + " AND embedding_model = 'all-minilm-l6-v2-q' ORDER BY embedding <=> '" + vector + "' LIMIT 10")) {
            db.transaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("SET LOCAL hnsw.iterative_scan = strict_order");
                    System.out.println("\nplan of " + query.substring(0, query.indexOf(" ORDER BY")) + " ORDER BY embedding <=> q LIMIT 10:");
                    try (ResultSet plan = s.executeQuery("EXPLAIN (ANALYZE, COSTS OFF) " + query)) {
                        while (plan.next()) {
                            // the query vector's 384 numbers say nothing
                            System.out.println("  " + plan.getString(1).replaceAll("'\\[[^]]*]'", "'[...]'"));
                        }
                    }
                }
                return null;
            });
        }
    }
}
