package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A stored backup. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class BackupSuccess {

    @JsonPropertyDescription("When the backup Job completed (RFC 3339).")
    private String time;

    @JsonPropertyDescription("The dump's name in the destination, <stack>-<yyyyMMddTHHmmssZ>.dump; spec.postgres.restoreFrom of a new stack can name it.")
    private String name;

    @JsonPropertyDescription("Size of the dump in bytes.")
    private Long sizeBytes;

    @JsonPropertyDescription("The Job that made it.")
    private String job;

    public String getTime() {
        return time;
    }

    public void setTime(String time) {
        this.time = time;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Long getSizeBytes() {
        return sizeBytes;
    }

    public void setSizeBytes(Long sizeBytes) {
        this.sizeBytes = sizeBytes;
    }

    public String getJob() {
        return job;
    }

    public void setJob(String job) {
        this.job = job;
    }
}
