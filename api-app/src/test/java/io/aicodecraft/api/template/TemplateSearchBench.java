package io.aicodecraft.api.template;

import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiServer;
import io.aicodecraft.api.TestServers;
import io.aicodecraft.api.config.DatabaseConfig;
import io.aicodecraft.api.config.ModelConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Template search over 10,000 templates, through the HTTP API on embedded PostgreSQL and Redis (run by
 * {@code bench/template-search-bench.sh}). Creates the templates through the API (a fixed random seed, so every
 * run searches the same library), then for each kind of query runs closed-loop clients for a while and reports
 * requests/s, p50 and p99, and the plan PostgreSQL chose for a ranked search.
 *
 * <p>Settings (system properties): {@code templates} (10000), {@code clients} (16), {@code seconds} (10 per
 * query kind), {@code warmup} (3 seconds per query kind).
 */
public final class TemplateSearchBench {
    private static final String OWNER = "00000000-0000-0000-0000-00000000be9c";
    private static final List<String> CATEGORIES = List.of("web", "cli", "data", "testing", "devops", "security",
            "parsing", "storage", "messaging", "ml", "ui", "api", "batch", "streaming", "auth", "cache", "search",
            "build", "docs", "misc");
    /** Programming words; drawn with a skewed distribution, so early words are common and late ones rare. */
    private static final List<String> WORDS = List.of("service", "client", "parser", "handler", "request", "response",
            "cache", "queue", "stream", "file", "user", "token", "session", "config", "logger", "metric", "retry",
            "timeout", "schema", "migration", "index", "query", "table", "row", "column", "json", "yaml", "csv", "xml",
            "http", "grpc", "socket", "thread", "lock", "pool", "buffer", "encoder", "decoder", "validator", "mapper",
            "router", "controller", "repository", "entity", "event", "listener", "scheduler", "job", "worker", "task",
            "pipeline", "batch", "report", "invoice", "order", "payment", "cart", "product", "inventory", "shipment",
            "email", "notification", "template", "render", "upload", "download", "archive", "compress", "encrypt",
            "hash", "signature", "certificate", "password", "oauth", "webhook", "graphql", "pagination", "cursor",
            "sort", "filter", "aggregate", "histogram", "percentile", "benchmark", "fuzz", "snapshot", "golden",
            "kubernetes", "operator", "helm", "docker", "terraform", "ansible", "prometheus", "grafana", "kafka",
            "redis", "postgres", "elastic", "lucene", "tokenizer", "stemmer", "embedding", "vector", "classifier");

    private record Kind(String name, List<String> paths) {
    }

    private record Figures(double perSecond, double p50Ms, double p99Ms, long errors) {
    }

    private TemplateSearchBench() {
    }

    public static void main(String[] args) throws Exception {
        int templates = Integer.getInteger("templates", 10_000);
        int clients = Integer.getInteger("clients", 16);
        Duration measure = Duration.ofSeconds(Integer.getInteger("seconds", 10));
        Duration warmup = Duration.ofSeconds(Integer.getInteger("warmup", 3));
        TestServers servers = TestServers.shared();
        try (ApiServer server = ApiServer.start(servers.api(ModelConfig.template()), "127.0.0.1");
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            HttpClient http = HttpClient.newBuilder().executor(threads).connectTimeout(Duration.ofSeconds(5)).build();
            URI base = URI.create("http://127.0.0.1:" + server.port());

            long seedStart = System.nanoTime();
            List<String> ids = seed(http, base, threads, templates, clients);
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            analyze(servers.database());

            List<Kind> kinds = List.of(
                    new Kind("q=<common word>", WORDS.subList(0, 5).stream().map(w -> "/v1/templates?q=" + w).toList()),
                    new Kind("q=<rare word>", List.of("/v1/templates?q=ticket17", "/v1/templates?q=ticket404",
                            "/v1/templates?q=ticket999")),
                    new Kind("q=<two words>", List.of("/v1/templates?q=cache+service", "/v1/templates?q=parser+json",
                            "/v1/templates?q=retry+timeout", "/v1/templates?q=queue+worker")),
                    new Kind("q=<phrase> (websearch)", List.of("/v1/templates?q=%22request+handler%22",
                            "/v1/templates?q=%22json+parser%22")),
                    new Kind("category=<c>", CATEGORIES.subList(0, 5).stream()
                            .map(c -> "/v1/templates?category=" + c).toList()),
                    new Kind("q=<common>&category=<c>", List.of("/v1/templates?q=service&category=web",
                            "/v1/templates?q=client&category=data", "/v1/templates?q=parser&category=parsing")),
                    new Kind("q=<common>, page 11 (cursor)", WORDS.subList(0, 3).stream()
                            .map(w -> pageAfter(http, base, "/v1/templates?q=" + w, 10)).toList()),
                    new Kind("GET /v1/templates/{id} (cached)", ids.subList(0, 50).stream()
                            .map(id -> "/v1/templates/" + id).toList()));

            System.out.printf("%nTemplate search benchmark: %d templates (created through the API in %.1f s, %.0f/s),"
                            + " %d closed-loop clients, %d s per query kind, %d cores, %s%n",
                    templates, seedSeconds, templates / seedSeconds, clients, measure.toSeconds(),
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
            printMatches(servers.database(), kinds);
            System.out.printf("%-34s %10s %10s %10s %8s%n", "query", "req/s", "p50 ms", "p99 ms", "errors");
            for (Kind kind : kinds) {
                run(http, base, threads, kind, clients, warmup);
                Figures figures = run(http, base, threads, kind, clients, measure);
                System.out.printf("%-34s %10.0f %10.2f %10.2f %8d%n", kind.name(), figures.perSecond(),
                        figures.p50Ms(), figures.p99Ms(), figures.errors());
            }
            explain(servers.database());
        }
        System.exit(0);
    }

    private static List<String> seed(HttpClient http, URI base, ExecutorService threads, int count, int clients)
            throws Exception {
        Random random = new Random(42);
        List<String> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = word(random) + " " + word(random) + " " + i;
            // ticket<n>: a word in exactly ten of 10,000 templates
            String description = "Generates a " + word(random) + " " + word(random) + " with " + word(random)
                    + " (ticket" + (i % 1000) + ")";
            String body = "Write a " + word(random) + " that uses a " + word(random) + " and a " + word(random)
                    + " to handle {{input}}; add " + word(random) + " and " + word(random) + " for {{target}}.";
            bodies.add("{\"name\":\"" + name + "\",\"description\":\"" + description + "\",\"category\":\""
                    + CATEGORIES.get(random.nextInt(CATEGORIES.size())) + "\",\"language\":\"java\",\"body\":\""
                    + body + "\"}");
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<List<String>>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(threads.submit(() -> {
                List<String> created = new ArrayList<>();
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    HttpResponse<String> response = http.send(post(base.resolve("/v1/templates"), bodies.get(i)),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException("creating a template: " + response.statusCode() + " "
                                + response.body());
                    }
                    created.add(response.body().replaceFirst("^\\{\"id\":\"([^\"]+)\".*", "$1"));
                }
                return created;
            }));
        }
        List<String> ids = new ArrayList<>(count);
        for (Future<List<String>> worker : workers) {
            ids.addAll(worker.get());
        }
        return ids;
    }

    /** A skewed draw: the fourth power of a uniform number favours the start of the list strongly. */
    private static String word(Random random) {
        double u = random.nextDouble();
        return WORDS.get((int) (u * u * u * u * WORDS.size()));
    }

    private static Figures run(HttpClient http, URI base, ExecutorService threads, Kind kind, int clients,
                               Duration length) throws Exception {
        long end = System.nanoTime() + length.toNanos();
        List<Future<long[]>> workers = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            workers.add(threads.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                for (int i = offset; System.nanoTime() < end; i++) {
                    HttpRequest request = get(base.resolve(kind.paths().get(i % kind.paths().size())));
                    long start = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    long took = System.nanoTime() - start;
                    if (response.statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = took;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> worker : workers) {
            long[] some = worker.get();
            long[] merged = Arrays.copyOf(all, all.length + some.length);
            System.arraycopy(some, 0, merged, all.length, some.length);
            all = merged;
        }
        Arrays.sort(all);
        return new Figures(all.length / (length.toNanos() / 1e9), percentile(all, 0.50), percentile(all, 0.99),
                errors.get());
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, p * sorted.length)] / 1e6;
    }

    /** How many templates each query of each kind matches in all, to show what the figures cover. */
    private static void printMatches(DatabaseConfig db, List<Kind> kinds) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement count = c.prepareStatement("SELECT count(*) FROM templates"
                     + " WHERE (?::text IS NULL OR search @@ websearch_to_tsquery('english', ?))"
                     + " AND (?::text IS NULL OR category = ?)")) {
            for (Kind kind : kinds.subList(0, kinds.size() - 1)) {
                List<String> matches = new ArrayList<>();
                for (String path : kind.paths()) {
                    Map<String, String> query = new HashMap<>();
                    for (String pair : URI.create(path).getRawQuery().split("&")) {
                        String[] nameValue = pair.split("=", 2);
                        query.put(nameValue[0], URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
                    }
                    count.setString(1, query.get("q"));
                    count.setString(2, query.get("q"));
                    count.setString(3, query.get("category"));
                    count.setString(4, query.get("category"));
                    try (ResultSet row = count.executeQuery()) {
                        row.next();
                        matches.add(String.valueOf(row.getLong(1)));
                    }
                }
                System.out.printf("  %-32s templates matched by each query: %s%n", kind.name(), String.join(" ", matches));
            }
        }
        System.out.println();
    }

    private static void analyze(DatabaseConfig db) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement s = c.createStatement()) {
            s.execute("ANALYZE templates");
        }
    }

    private static void explain(DatabaseConfig db) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            for (String word : List.of("ticket17", "kafka", "service")) {
                try (PreparedStatement explain = c.prepareStatement("EXPLAIN ANALYZE SELECT id,"
                        + " ts_rank_cd(search, query) AS score FROM templates, websearch_to_tsquery('english', ?) AS query"
                        + " WHERE search @@ query ORDER BY score DESC, updated_at DESC, id DESC LIMIT 21")) {
                    explain.setString(1, word);
                    List<String> lines = new ArrayList<>();
                    try (ResultSet plan = explain.executeQuery()) {
                        while (plan.next()) {
                            lines.add("  " + plan.getString(1));
                        }
                    }
                    System.out.println("\nPostgreSQL plan of a ranked search (q=" + word + "):\n"
                            + String.join("\n", lines));
                }
            }
        }
    }

    /** The path of the page after {@code pages} pages of {@code path}, by following each page's nextCursor. */
    private static String pageAfter(HttpClient http, URI base, String path, int pages) {
        String cursor = null;
        try {
            for (int i = 0; i < pages; i++) {
                String body = http.send(get(base.resolve(path + (cursor == null ? "" : "&cursor=" + cursor))),
                        HttpResponse.BodyHandlers.ofString()).body();
                cursor = ApiClient.json().readTree(body).path("nextCursor").asText();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return path + "&cursor=" + cursor;
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("X-User-Id", OWNER).GET().build();
    }

    private static HttpRequest post(URI uri, String body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("X-User-Id", OWNER)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }
}
