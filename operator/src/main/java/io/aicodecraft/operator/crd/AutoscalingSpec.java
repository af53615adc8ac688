package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** Horizontal pod autoscaling of the API. */
@ValidationRule(value = SpecRules.REPLICAS_ORDERED, message = "maxReplicas must be at least minReplicas")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class AutoscalingSpec {

    @JsonPropertyDescription("true: a HorizontalPodAutoscaler scales the API between minReplicas and maxReplicas and replicas is ignored.")
    @Default("false")
    private boolean enabled;

    @JsonPropertyDescription("Fewest API pods.")
    @Min(1)
    @Default("2")
    private int minReplicas = 2;

    @JsonPropertyDescription("Most API pods; the pool plan reserves database connections for this many.")
    @Min(1)
    @Default("6")
    private int maxReplicas = 6;

    @JsonPropertyDescription("Average CPU utilisation, in percent of requests, the autoscaler aims for.")
    @Min(1)
    @Max(100)
    @Default("70")
    private int targetCPUUtilizationPercentage = 70;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public int getMinReplicas() {
        return minReplicas;
    }

    public void setMinReplicas(int minReplicas) {
        this.minReplicas = minReplicas;
    }

    public int getMaxReplicas() {
        return maxReplicas;
    }

    public void setMaxReplicas(int maxReplicas) {
        this.maxReplicas = maxReplicas;
    }

    public int getTargetCPUUtilizationPercentage() {
        return targetCPUUtilizationPercentage;
    }

    public void setTargetCPUUtilizationPercentage(int targetCPUUtilizationPercentage) {
        this.targetCPUUtilizationPercentage = targetCPUUtilizationPercentage;
    }
}
