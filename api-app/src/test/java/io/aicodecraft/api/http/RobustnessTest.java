package io.aicodecraft.api.http;

import io.aicodecraft.api.ApiClient;
import io.aicodecraft.api.ApiClient.Reply;
import io.aicodecraft.api.auth.KeyedApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1,000 random and malformed requests over every endpoint, with a valid key, the admin key, a forged key or none:
 * no answer is a 5xx, every refusal is a problem+json, and the server is healthy and useful afterwards. The seed is
 * printed in every failure so a failing sequence can be replayed.
 */
class RobustnessTest {
    private static final int REQUESTS = 1_000;
    private static final long SEED = Long.getLong("robustness.seed", System.nanoTime());
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");
    /** Every route with its method; a quarter of the requests use another method than the route's. */
    private static final List<String> ROUTES = List.of(
            "POST /v1/generations", "GET /v1/generations", "POST /v1/conversions", "GET /v1/conversions",
            "POST /v1/templates", "GET /v1/templates", "GET /v1/templates/{id}", "POST /v1/templates/{id}/versions",
            "POST /v1/templates/{id}/render", "GET /v1/templates/{id}/stats", "GET /v1/templates/similar",
            "GET /v1/generations/similar", "POST /v1/chains", "GET /v1/chains", "GET /v1/chains/{id}", "GET /v1/usage", "GET /openapi",
            "POST /v1/conversations", "GET /v1/conversations", "GET /v1/conversations/{id}",
            "PATCH /v1/conversations/{id}", "DELETE /v1/conversations/{id}", "POST /v1/conversations/{id}/restore",
            "POST /v1/conversations/{id}/messages", "GET /v1/conversations/{id}/messages",
            "PUT /v1/conversations/{id}/messages/{message}", "GET /v1/conversations/{id}/messages/{message}/versions",
            "POST /v1/keys", "GET /v1/keys", "DELETE /v1/keys/{id}", "GET /health/live", "GET /health/ready",
            "GET /metrics", "GET /", "GET /v1", "GET /{junk}", "POST /v1/{junk}");
    private static final List<String> QUERIES = List.of("limit", "cursor", "q", "category", "version", "owner",
            "offset", "language", "keyId", "tag", "pinned", "archived", "deleted", "branch", "text");
    private static final List<String> FIELDS = List.of("prompt", "language", "model", "sourceCode", "fromLanguage",
            "toLanguage", "templateId", "variables", "name", "description", "category", "body", "tasks", "id",
            "dependsOn", "owner", "tier", "title", "systemPrompt", "tags", "pinned", "archived", "content",
            "parentId", "");

    private static KeyedApi keyed;
    private static ApiClient api;
    private static String key;
    /** A conversation of the key's owner and a message of it, so that requests reach past the 404 of a random id. */
    private static String conversation;
    private static String message;
    private final Random random = new Random(SEED);

    @BeforeAll
    static void start() {
        keyed = KeyedApi.start(1_000_000);
        api = keyed.client();
        key = keyed.newKey(UUID.randomUUID());
        conversation = api.withKey("POST", "/v1/conversations", key, "{\"title\":\"fuzz\",\"language\":\"java\"}")
                .body().path("id").asText();
        message = api.withKey("POST", "/v1/conversations/" + conversation + "/messages", key,
                "{\"content\":\"reverse a string\"}").body().path("message").path("id").asText();
    }

    private static boolean isSearchUnavailable(ApiClient.Reply reply) {
        return reply.status() == 501 && reply.body() != null
                && reply.body().path("type").asText().endsWith("/search-unavailable");
    }

    @AfterAll
    static void stop() {
        keyed.close();
    }

    @Test
    void randomAndMalformedRequestsNeverGetA5xxAndLeaveTheServerHealthy() {
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            String[] route = pick(ROUTES).split(" ");
            String method = random.nextInt(4) == 0 ? pick(METHODS) : route[0];
            String path = path(route[1]);
            String token = switch (random.nextInt(10)) {
                case 0 -> null;
                case 1 -> KeyedApi.ADMIN_KEY;
                case 2 -> forgedToken();
                default -> key;
            };
            String body = method.equals("GET") || method.equals("DELETE") ? null : body();
            Reply reply = api.withKey(method, path, token, body);
            statuses.merge(reply.status(), 1, Integer::sum);
            // the shared PostgreSQL has no pgvector: semantic search's documented answer there is 501
            if (reply.status() >= 500 && !isSearchUnavailable(reply)
                    || reply.status() >= 400 && !reply.contentType().equals("application/problem+json")) {
                failures.add(method + " " + path + " " + body + " -> " + reply.status() + " " + reply.contentType()
                        + " " + reply.body());
            }
        }

        assertThat(failures).as("seed " + SEED).isEmpty();
        // the requests reached the handlers, not only the authentication in front of them
        assertThat(statuses).as("statuses seen, seed " + SEED).containsKeys(200, 400, 401, 404);
        System.out.println("robustness: statuses of " + REQUESTS + " requests (seed " + SEED + "): " + statuses);
        Reply ready = api.get("/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body().path("status").asText()).isEqualTo("up");
        Reply generated = api.withKey("POST", "/v1/generations", key,
                "{\"prompt\":\"still working " + UUID.randomUUID() + "\",\"language\":\"java\"}");
        assertThat(generated.status()).as("seed " + SEED).isEqualTo(200);
    }

    private String path(String template) {
        boolean known = template.startsWith("/v1/conversations/") && random.nextBoolean();
        String route = template
                .replace("{id}", known ? conversation : switch (random.nextInt(3)) {
                    case 0 -> UUID.randomUUID().toString();
                    case 1 -> String.valueOf(random.nextInt());
                    default -> encoded(junk(12));
                })
                .replace("{message}", known && random.nextBoolean() ? message : UUID.randomUUID().toString())
                .replace("{junk}", encoded(junk(20)));
        if (random.nextBoolean()) {
            return route;
        }
        StringBuilder query = new StringBuilder("?");
        for (int n = random.nextInt(3) + 1; n > 0; n--) {
            query.append(pick(QUERIES)).append('=').append(encoded(value())).append('&');
        }
        return route + query;
    }

    private String value() {
        return switch (random.nextInt(6)) {
            case 0 -> String.valueOf(random.nextLong());
            case 1 -> "-1";
            case 2 -> UUID.randomUUID().toString();
            case 3 -> "";
            case 4 -> "9".repeat(random.nextInt(40) + 1);
            default -> junk(random.nextInt(30));
        };
    }

    private String body() {
        return switch (random.nextInt(8)) {
            case 0 -> "";
            case 1 -> junk(random.nextInt(200));
            case 2 -> "{".repeat(random.nextInt(2000) + 1);
            case 3 -> "[" + jsonValue(3) + "]";
            case 4 -> "{\"" + pick(FIELDS) + "\":" + jsonValue(3);
            default -> object(3);
        };
    }

    /** A JSON object of fields the API knows (or not) with values of any type, valid or not for the field. */
    private String object(int depth) {
        StringBuilder object = new StringBuilder("{");
        for (int n = random.nextInt(6); n > 0; n--) {
            object.append('"').append(pick(FIELDS)).append("\":").append(jsonValue(depth - 1));
            object.append(n > 1 ? "," : "");
        }
        return object.append('}').toString();
    }

    private String jsonValue(int depth) {
        int kind = random.nextInt(depth > 0 ? 10 : 7);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> String.valueOf(random.nextBoolean());
            case 2 -> String.valueOf(random.nextLong());
            case 3 -> String.valueOf(random.nextDouble() * 1e300);
            case 4 -> quoted(pick(List.of("java", "python", "go", "typescript", "sql", "cobol", "")));
            case 5 -> quoted("x".repeat(random.nextInt(3) == 0 ? 40_000 : random.nextInt(50)));
            case 6 -> quoted(junk(random.nextInt(40)));
            case 7 -> "[" + jsonValue(depth - 1) + "," + jsonValue(depth - 1) + "]";
            case 8 -> "[" + object(depth - 1) + "]";
            default -> object(depth - 1);
        };
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Printable and unprintable characters, quotes, braces, surrogates and the placeholders of templates. */
    private String junk(int length) {
        String alphabet = "abcXYZ019 {}[]\"'\\:,%$#@!&*()_+-=/?<>\t\n\u0000\u00e9\u4e2d\ud83d\ude00{{x}}";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** What a header may carry: printable ASCII, sometimes shaped like a key of this API. */
    private String forgedToken() {
        StringBuilder token = new StringBuilder(random.nextBoolean() ? "aicc_0123456789ab_" : "");
        for (int i = random.nextInt(60); i > 0; i--) {
            token.append((char) ('!' + random.nextInt('~' - '!' + 1)));
        }
        return token.toString();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
