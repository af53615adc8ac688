package io.aicodecraft.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aicodecraft.operator.install.Repository;
import io.aicodecraft.operator.model.StackAlerts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** The chart's Grafana dashboard, as its file in the repository. */
public final class GrafanaDashboard {

    public static final Path FILE = Repository.CHART.resolve("dashboards/aicodecraft-stack.json");
    /** JOSDK's Micrometer metrics have this prefix; the operator's own per stack StackAlerts.OPERATOR_PREFIX. */
    public static final String JOSDK_PREFIX = "operator_sdk_";

    private GrafanaDashboard() {
    }

    public static JsonNode json() {
        try {
            return new ObjectMapper().readTree(FILE.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code metric} is one the operator serves, not the API or an exporter. */
    public static boolean operators(String metric) {
        return metric.startsWith(JOSDK_PREFIX) || metric.startsWith(StackAlerts.OPERATOR_PREFIX);
    }

    /** The operator's metrics the panels read (JOSDK's selectors name no labels, so they are found by the prefix). */
    public static Set<String> operatorMetrics() {
        Pattern metric = Pattern.compile("(" + JOSDK_PREFIX + "|" + StackAlerts.OPERATOR_PREFIX + ")[a-z_]+");
        return expressions().stream().flatMap(query -> metric.matcher(query).results().map(MatchResult::group))
                .collect(Collectors.toSet());
    }

    /** Every panel query, with the dashboard's variables as a stack's values ({@code team-a} in {@code tenant-a}). */
    public static List<String> expressions() {
        return StreamSupport.stream(json().path("panels").spliterator(), false)
                .flatMap(panel -> StreamSupport.stream(panel.path("targets").spliterator(), false))
                .map(target -> target.path("expr").asText()
                        .replace("$namespace", "tenant-a").replace("$stack", "team-a"))
                .toList();
    }
}
