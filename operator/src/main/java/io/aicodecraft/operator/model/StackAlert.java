package io.aicodecraft.operator.model;

/**
 * One alert of a stack's PrometheusRule (StackAlerts).
 *
 * @param name     the alert's name
 * @param expr     the PromQL expression that fires it
 * @param forTime  how long it must hold first (a Prometheus duration)
 * @param severity {@code warning} or {@code critical}
 * @param summary  what it means, for the person paged
 */
public record StackAlert(String name, String expr, String forTime, String severity, String summary) {
}
