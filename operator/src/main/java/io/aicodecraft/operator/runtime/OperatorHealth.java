package io.aicodecraft.operator.runtime;

import io.javaoperatorsdk.operator.RuntimeInfo;
import java.util.TreeSet;

/**
 * The operator pod's own health, from JOSDK's runtime information. Every replica starts its
 * informers, leader or not, so a standby replica is live and ready too and can take over at once.
 */
public final class OperatorHealth {

    private final RuntimeInfo runtime;

    public OperatorHealth(RuntimeInfo runtime) {
        this.runtime = runtime;
    }

    /** Live while the operator is started; a stopped operator needs a restart. */
    public HealthStatus liveness() {
        return runtime.isStarted() ? HealthStatus.up("started") : HealthStatus.down("operator not started");
    }

    /** Ready once every event source (informer) is watching and synced. */
    public HealthStatus readiness() {
        if (!runtime.isStarted()) {
            return HealthStatus.down("operator not started");
        }
        if (runtime.allEventSourcesAreHealthy()) {
            return HealthStatus.up("all event sources healthy");
        }
        var unhealthy = new TreeSet<String>();
        runtime.unhealthyEventSources().forEach((controller, sources) ->
                sources.keySet().forEach(source -> unhealthy.add(controller + "/" + source)));
        return HealthStatus.down("unhealthy event sources: " + String.join(", ", unhealthy));
    }
}
