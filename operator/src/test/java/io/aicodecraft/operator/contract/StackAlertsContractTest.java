package io.aicodecraft.operator.contract;

import io.aicodecraft.operator.model.PostgresExporter;
import io.aicodecraft.operator.model.StackAlert;
import io.aicodecraft.operator.model.StackAlerts;
import io.aicodecraft.operator.testing.PromqlMetrics;
import io.aicodecraft.operator.testing.PromqlParser;
import io.aicodecraft.operator.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stack's alerts hold up against the real things: every expression parses with Prometheus's own PromQL parser,
 * and every metric one reads is one the real API exposes on {@code /metrics} (Prometheus's text format, as the
 * ServiceMonitor scrapes it) once it has served a cached and an uncached generation: an alert on a metric nobody
 * exposes would never fire.
 */
class StackAlertsContractTest {

    @Test
    void everyExpressionParsesWithPrometheussOwnParser() {
        var expressions = StackAlerts.of(TestStacks.minimal("tenant-a", "team-a")).stream().map(StackAlert::expr).toList();

        assertThat(PromqlParser.refusals(expressions)).as("Prometheus's parser refused").isEmpty();
        assertThat(PromqlParser.refusals(List.of("sum(rate(aicc_http_requests_seconds_count[5m])")))
                .as("the parser is no stand-in").contains("unclosed left parenthesis");
    }

    @Test
    void theAlertsReadOnlyMetricsTheApiExposes() throws Exception {
        Set<String> served = PromqlMetrics.servedByTheApi();

        var alerts = StackAlerts.of(TestStacks.minimal("tenant-a", "team-a"));
        assertThat(alerts).isNotEmpty();
        for (StackAlert alert : alerts) {
            Set<String> read = PromqlMetrics.selected(alert.expr());
            assertThat(read).as("the metrics %s reads", alert.name()).isNotEmpty();
            // the operator's own are held to its /metrics in OperatorRuntimeTest, PostgreSQL's to the real
            // exporter's in PostgresExporterContractTest
            read.removeIf(metric -> metric.startsWith(StackAlerts.OPERATOR_PREFIX)
                    || metric.startsWith(PostgresExporter.METRIC_PREFIX));
            assertThat(served).as("%s reads %s", alert.name(), read).containsAll(read);
        }
    }
}
