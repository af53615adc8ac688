package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The stack's backups as the operator last saw them; kept when the Jobs that made them are gone. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class BackupsStatus {

    @JsonPropertyDescription("The newest backup that was stored.")
    private BackupSuccess lastSuccessful;

    @JsonPropertyDescription("The newest backup run that failed.")
    private BackupFailure lastFailure;

    @JsonPropertyDescription("How many dumps of this stack the destination held after the last successful run pruned it.")
    private Integer kept;

    public BackupSuccess getLastSuccessful() {
        return lastSuccessful;
    }

    public void setLastSuccessful(BackupSuccess lastSuccessful) {
        this.lastSuccessful = lastSuccessful;
    }

    public BackupFailure getLastFailure() {
        return lastFailure;
    }

    public void setLastFailure(BackupFailure lastFailure) {
        this.lastFailure = lastFailure;
    }

    public Integer getKept() {
        return kept;
    }

    public void setKept(Integer kept) {
        this.kept = kept;
    }
}
