package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** Prometheus monitoring of the stack, through the Prometheus Operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class MonitoringSpec {

    @JsonPropertyDescription("true: where the Prometheus Operator's CRDs are in the cluster, a ServiceMonitor for the API's /metrics (<stack>-api) and a PrometheusRule of the stack's alerts (<stack>-alerts). false: neither.")
    @Default("true")
    private boolean enabled = true;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
