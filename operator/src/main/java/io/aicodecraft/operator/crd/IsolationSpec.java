package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** Network isolation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class IsolationSpec {

    @JsonPropertyDescription("true: NetworkPolicies let only this stack's own pods reach its PostgreSQL and Redis.")
    @Default("true")
    private boolean networkPolicies = true;

    public boolean isNetworkPolicies() {
        return networkPolicies;
    }

    public void setNetworkPolicies(boolean networkPolicies) {
        this.networkPolicies = networkPolicies;
    }
}
