package io.aicodecraft.operator.runtime;

/** The answer of one health endpoint: up or not, and a line a person can read. */
public record HealthStatus(boolean up, String detail) {

    public static HealthStatus up(String detail) {
        return new HealthStatus(true, detail);
    }

    public static HealthStatus down(String detail) {
        return new HealthStatus(false, detail);
    }
}
