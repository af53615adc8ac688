package io.aicodecraft.operator.contract;

import io.aicodecraft.operator.model.PostgresExporter;
import io.aicodecraft.operator.model.RedisExporter;
import io.aicodecraft.operator.model.StackAlerts;
import io.aicodecraft.operator.testing.GrafanaDashboard;
import io.aicodecraft.operator.testing.PromqlMetrics;
import io.aicodecraft.operator.testing.PromqlParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard's queries hold up against the real things: each parses with Prometheus's own PromQL parser,
 * and each metric of the API it reads is one the real API serves (the operator's are held to the running operator's
 * /metrics in OperatorRuntimeTest, PostgreSQL's and Redis's to the real exporters' in PostgresExporterContractTest and
 * RedisExporterContractTest).
 */
class GrafanaDashboardContractTest {

    @Test
    void everyQueryParsesWithPrometheussOwnParser() {
        List<String> queries = GrafanaDashboard.expressions();

        assertThat(queries).hasSizeGreaterThanOrEqualTo(20);
        assertThat(PromqlParser.refusals(queries)).as("Prometheus's parser refused").isEmpty();
    }

    @Test
    void everyApiMetricAPanelReadsIsOneTheApiServes() throws Exception {
        Set<String> served = PromqlMetrics.servedByTheApi();

        for (String query : GrafanaDashboard.expressions()) {
            Set<String> read = PromqlMetrics.selected(query);
            read.removeIf(GrafanaDashboard::operators);
            read.removeIf(metric -> metric.startsWith(PostgresExporter.METRIC_PREFIX)
                    || metric.startsWith(RedisExporter.METRIC_PREFIX));
            assertThat(served).as("a panel reads %s:%n%s", read, query).containsAll(read);
        }
    }
}
