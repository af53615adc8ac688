package io.aicodecraft.operator.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Metric names on both sides: those a PromQL expression selects, and those a real API serves on {@code /metrics}. */
public final class PromqlMetrics {

    /** A metric name as PromQL writes a selector: the name, then its label matchers. */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");

    private PromqlMetrics() {
    }

    /** The metrics {@code expr} selects (every selector of ours names its labels). */
    public static Set<String> selected(String expr) {
        return SELECTOR.matcher(expr).results().map(match -> match.group(1)).collect(Collectors.toSet());
    }

    /**
     * The metric names the real API (RealApi) serves, in Prometheus's text format as a scrape reads it, once it has
     * answered an uncached and a cached generation, so its lazily made series exist.
     */
    public static Set<String> servedByTheApi() throws Exception {
        URI api = RealApi.baseUri();
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 2; i++) { // a miss, then a hit
            var generation = http.send(HttpRequest.newBuilder(api.resolve("/v1/generations"))
                    .header("Content-Type", "application/json")
                    .header("X-User-Id", "00000000-0000-0000-0000-000000000042")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"watch me\",\"language\":\"java\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(generation.statusCode()).as(generation.body()).isEqualTo(200);
        }
        return names(http.send(HttpRequest.newBuilder(api.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    /** The metric names of a scrape in Prometheus's text format. */
    public static Set<String> names(String scrape) {
        return Arrays.stream(scrape.split("\n")).filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toSet());
    }
}
