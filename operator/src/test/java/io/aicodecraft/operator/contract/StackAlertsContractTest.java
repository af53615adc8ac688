package io.aicodecraft.operator.contract;

import io.aicodecraft.operator.model.StackAlert;
import io.aicodecraft.operator.model.StackAlerts;
import io.aicodecraft.operator.testing.PromqlParser;
import io.aicodecraft.operator.testing.RealApi;
import io.aicodecraft.operator.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stack's alerts hold up against the real things: every expression parses with Prometheus's own PromQL parser,
 * and every metric one reads is one the real API exposes on {@code /metrics} (Prometheus's text format, as the
 * ServiceMonitor scrapes it) once it has served a cached and an uncached generation: an alert on a metric nobody
 * exposes would never fire.
 */
class StackAlertsContractTest {

    /** A metric name as PromQL writes a selector: the name, then its label matchers. */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");

    @Test
    void everyExpressionParsesWithPrometheussOwnParser() {
        var expressions = StackAlerts.of(TestStacks.minimal("tenant-a", "team-a")).stream().map(StackAlert::expr).toList();

        assertThat(PromqlParser.refusals(expressions)).as("Prometheus's parser refused").isEmpty();
        assertThat(PromqlParser.refusals(List.of("sum(rate(aicc_http_requests_seconds_count[5m])")))
                .as("the parser is no stand-in").contains("unclosed left parenthesis");
    }

    @Test
    void theAlertsReadOnlyMetricsTheApiExposes() throws Exception {
        URI api = RealApi.baseUri();
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 2; i++) { // a miss, then a hit
            var generation = http.send(HttpRequest.newBuilder(api.resolve("/v1/generations"))
                    .header("Content-Type", "application/json")
                    .header("X-User-Id", "00000000-0000-0000-0000-000000000042")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"alert on me\",\"language\":\"java\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(generation.statusCode()).as(generation.body()).isEqualTo(200);
        }
        String metrics = http.send(HttpRequest.newBuilder(api.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Set<String> exposed = Arrays.stream(metrics.split("\n")).filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toSet());

        var alerts = StackAlerts.of(TestStacks.minimal("tenant-a", "team-a"));
        assertThat(alerts).isNotEmpty();
        for (StackAlert alert : alerts) {
            var read = SELECTOR.matcher(alert.expr()).results().map(match -> match.group(1)).collect(Collectors.toSet());
            assertThat(read).as("the metrics %s reads", alert.name()).isNotEmpty();
            assertThat(exposed).as("%s reads %s", alert.name(), read).containsAll(read);
        }
    }
}
