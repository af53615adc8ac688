package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRuleBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.RuleBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stack's alerts as a Prometheus Operator PrometheusRule ({@code <stack>-alerts}): on the metrics the API exposes
 * and the ServiceMonitor (ApiServiceMonitor) scrapes, each selecting the stack's own series by the {@code namespace}
 * and {@code service} labels Prometheus gives them; on the managed PostgreSQL's exporter (by {@code namespace} and
 * {@code pod}); and on the operator's meters of the stack (scraped through the chart's ServiceMonitor of the operator).
 */
public final class StackAlerts {

    static final String REQUESTS = "aicc_http_requests_seconds_count";
    static final String LATENCY = "aicc_http_requests_seconds_bucket";
    static final String CACHE_HITS = "aicc_cache_hits_total";
    static final String CACHE_MISSES = "aicc_cache_misses_total";
    static final String POOL_PENDING = "hikaricp_connections_pending";
    /** The operator's gauge of each stack's conditions (1 True, 0 False); the operator's own series carry this prefix. */
    public static final String OPERATOR_PREFIX = "aicodecraft_";
    static final String CONDITION = OPERATOR_PREFIX + "stack_condition";
    static final String RECONCILE_ERRORS = OPERATOR_PREFIX + "stack_reconcile_errors_total";
    /** postgres_exporter's (PostgresExporter), scraped through its PodMonitor (ExporterPodMonitor). */
    public static final String POSTGRES_BACKENDS = "pg_stat_database_numbackends";
    public static final String POSTGRES_MAX_CONNECTIONS = "pg_settings_max_connections";

    private StackAlerts() {
    }

    public static boolean applies(AICodeCraftStack stack) {
        return ApiServiceMonitor.applies(stack);
    }

    public static List<StackAlert> of(AICodeCraftStack stack) {
        String api = "namespace=\"%s\",service=\"%s\"".formatted(stack.getMetadata().getNamespace(), StackNames.api(stack));
        String name = stack.getMetadata().getName();
        String operatorSeries = "stack_namespace=\"%s\",stack=\"%s\"".formatted(stack.getMetadata().getNamespace(), name);
        String condition = "max(%s{%s,condition=\"%%s\"}) == 0".formatted(CONDITION, operatorSeries);
        List<StackAlert> alerts = new ArrayList<>(List.of(
                new StackAlert("AICodeCraftApiErrors",
                        "sum(rate(%1$s{%2$s,status=~\"5..\"}[5m])) / sum(rate(%1$s{%2$s}[5m])) > 0.05"
                                .formatted(REQUESTS, api),
                        "10m", "critical", "More than 5% of stack " + name + "'s API requests fail with a 5xx."),
                new StackAlert("AICodeCraftApiSlow",
                        "histogram_quantile(0.99, sum by (le) (rate(%s{%s}[5m]))) > 2".formatted(LATENCY, api),
                        "15m", "warning", "Stack " + name + "'s API answers 1% of its requests in more than 2 s."),
                new StackAlert("AICodeCraftCacheHitRatioLow",
                        ("sum(rate(%1$s{%3$s}[30m])) / (sum(rate(%1$s{%3$s}[30m])) + sum(rate(%2$s{%3$s}[30m]))) < 0.2"
                                + " and sum(rate(%2$s{%3$s}[30m])) > 0.1").formatted(CACHE_HITS, CACHE_MISSES, api),
                        "30m", "warning", "Fewer than 1 in 5 of stack " + name
                                + "'s cache lookups hit: the model is called for most requests."),
                new StackAlert("AICodeCraftDatabasePoolExhausted",
                        "max(%s{%s}) > 0".formatted(POOL_PENDING, api),
                        "5m", "warning", "Stack " + name + "'s API waits for database connections: its pool"
                                + " (spec.api.pools.database) is too small for its load, or PostgreSQL is slow."),
                new StackAlert("AICodeCraftStackNotReady", condition.formatted("Ready"), "15m", "warning",
                        "Stack " + name + " has not been Ready for 15 minutes; kubectl describe acs " + name + " says why."),
                new StackAlert("AICodeCraftMigrationsStuck", condition.formatted("MigrationsComplete"), "30m", "critical",
                        "Stack " + name + "'s schema migration has not completed for 30 minutes (it failed or hangs),"
                                + " so its API's image does not roll out."),
                new StackAlert("AICodeCraftBackupsUnhealthy", condition.formatted("BackupsHealthy"), "5m", "warning",
                        "Stack " + name + "'s latest backup failed, or the next one is overdue."),
                new StackAlert("AICodeCraftReconcileErrors",
                        "sum(increase(%s{%s}[15m])) >= 3".formatted(RECONCILE_ERRORS, operatorSeries), "5m", "warning",
                        "The operator failed to reconcile stack " + name + " 3 times or more in 15 minutes;"
                                + " the stack's Ready condition and the operator's log say why.")));
        if (PostgresExporter.applies(stack)) {
            String postgres = "namespace=\"%s\",pod=~\"%s-[0-9]+\"".formatted(stack.getMetadata().getNamespace(),
                    StackNames.postgres(stack));
            alerts.add(new StackAlert("AICodeCraftPostgresConnectionsHigh",
                    "sum(%s{%s}) / max(%s{%s}) > 0.8".formatted(POSTGRES_BACKENDS, postgres, POSTGRES_MAX_CONNECTIONS, postgres),
                    "10m", "warning", "Stack " + name + "'s PostgreSQL has more than 80% of its max_connections in use:"
                            + " spec.api.pools.database and the replicas are near what the pool plan sized it for."));
        }
        return alerts;
    }

    public static PrometheusRule build(AICodeCraftStack stack) {
        List<Rule> rules = of(stack).stream().map(alert -> new RuleBuilder()
                .withAlert(alert.name())
                .withExpr(new IntOrString(alert.expr()))
                .withFor(alert.forTime())
                // sorted: Map.of's order changes from run to run
                .withLabels(new TreeMap<>(Map.of("severity", alert.severity(),
                        StackComponent.STACK_LABEL, stack.getMetadata().getName())))
                .withAnnotations(Map.of("summary", alert.summary()))
                .build()).toList();
        return new PrometheusRuleBuilder()
                .withMetadata(StackComponent.API.metadata(stack, StackNames.alerts(stack)))
                .withNewSpec()
                .addNewGroup().withName("aicodecraft-" + stack.getMetadata().getName()).withRules(rules).endGroup()
                .endSpec()
                .build();
    }
}
