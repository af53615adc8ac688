package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The pool plan in force. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class PoolsStatus {

    @JsonPropertyDescription("Most API pods: maxReplicas with autoscaling, replicas without.")
    private Integer apiPodsMax;

    @JsonPropertyDescription("Database connections each API pod may open.")
    private Integer databasePoolPerPod;

    @JsonPropertyDescription("PostgreSQL max_connections in force.")
    private Integer postgresMaxConnections;

    public Integer getApiPodsMax() {
        return apiPodsMax;
    }

    public void setApiPodsMax(Integer apiPodsMax) {
        this.apiPodsMax = apiPodsMax;
    }

    public Integer getDatabasePoolPerPod() {
        return databasePoolPerPod;
    }

    public void setDatabasePoolPerPod(Integer databasePoolPerPod) {
        this.databasePoolPerPod = databasePoolPerPod;
    }

    public Integer getPostgresMaxConnections() {
        return postgresMaxConnections;
    }

    public void setPostgresMaxConnections(Integer postgresMaxConnections) {
        this.postgresMaxConnections = postgresMaxConnections;
    }
}
