package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;

import java.util.ArrayList;
import java.util.List;

/** What the operator observed and did. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class AICodeCraftStackStatus {

    @JsonPropertyDescription("The spec generation this status describes.")
    private Long observedGeneration;

    @JsonPropertyDescription("Pending, Provisioning, Migrating, RollingOut, Ready, Degraded, Failed or Paused; for one generation it only moves forward from Provisioning to Ready.")
    private StackPhase phase;

    @JsonPropertyDescription("Why the stack is in its phase, in a sentence: the component it waits for or the problem to fix; absent when Ready.")
    private String phaseReason;

    @JsonPropertyDescription("PostgresReady, RedisReady, MigrationsComplete, ApiReady, PoolsConfigured, Ready (and Paused; BackupsHealthy with backups, which Ready does not wait for).")
    private List<Condition> conditions = new ArrayList<>();

    @JsonPropertyDescription("The database schema version the last successful migration reached.")
    private String schemaVersion;

    @JsonPropertyDescription("Where the stack is reached.")
    private StackEndpoints endpoints;

    @JsonPropertyDescription("The pool plan in force.")
    private PoolsStatus pools;

    @JsonPropertyDescription("Ready pods of the API Deployment; the printer column shows it beside the phase.")
    private Integer apiReadyReplicas;

    @JsonPropertyDescription("Backups of the managed PostgreSQL, when spec.postgres.backup is set.")
    private BackupsStatus backups;

    @JsonPropertyDescription("The certificates of the managed servers and when they expire, when spec.tls.enabled.")
    private TlsStatus tls;

    @JsonPropertyDescription("The generated credentials and their rotations (never a value).")
    private CredentialsStatus credentials;

    public CredentialsStatus getCredentials() {
        return credentials;
    }

    public void setCredentials(CredentialsStatus credentials) {
        this.credentials = credentials;
    }

    public TlsStatus getTls() {
        return tls;
    }

    public void setTls(TlsStatus tls) {
        this.tls = tls;
    }

    public BackupsStatus getBackups() {
        return backups;
    }

    public void setBackups(BackupsStatus backups) {
        this.backups = backups;
    }

    public String getPhaseReason() {
        return phaseReason;
    }

    public void setPhaseReason(String phaseReason) {
        this.phaseReason = phaseReason;
    }

    public Integer getApiReadyReplicas() {
        return apiReadyReplicas;
    }

    public void setApiReadyReplicas(Integer apiReadyReplicas) {
        this.apiReadyReplicas = apiReadyReplicas;
    }

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public StackPhase getPhase() {
        return phase;
    }

    public void setPhase(StackPhase phase) {
        this.phase = phase;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }

    public String getSchemaVersion() {
        return schemaVersion;
    }

    public void setSchemaVersion(String schemaVersion) {
        this.schemaVersion = schemaVersion;
    }

    public StackEndpoints getEndpoints() {
        return endpoints;
    }

    public void setEndpoints(StackEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    public PoolsStatus getPools() {
        return pools;
    }

    public void setPools(PoolsStatus pools) {
        this.pools = pools;
    }
}
