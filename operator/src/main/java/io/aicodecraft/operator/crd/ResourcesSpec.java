package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Requests and limits of one container. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class ResourcesSpec {

    @JsonPropertyDescription("What the scheduler reserves for the container.")
    private ResourceAmounts requests;

    @JsonPropertyDescription("The most the container may use.")
    private ResourceAmounts limits;

    public ResourceAmounts getRequests() {
        return requests;
    }

    public void setRequests(ResourceAmounts requests) {
        this.requests = requests;
    }

    public ResourceAmounts getLimits() {
        return limits;
    }

    public void setLimits(ResourceAmounts limits) {
        this.limits = limits;
    }
}
