package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** Scheduled logical backups (pg_dump, custom format) of the managed PostgreSQL. */
@ValidationRule(value = SpecRules.ONE_BACKUP_DESTINATION, message = "set exactly one of volume or s3 as the backup destination")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class BackupSpec {

    @JsonPropertyDescription("When to back up: a cron expression of five fields (minute hour day-of-month month day-of-week) or @hourly, @daily, @weekly, @monthly, @yearly, in UTC, e.g. \"0 3 * * *\".")
    @Required
    private String schedule;

    @JsonPropertyDescription("Which dumps to keep; unset: all of them.")
    private BackupRetentionSpec retention = new BackupRetentionSpec();

    @JsonPropertyDescription("Keep the dumps on a volume claim of the stack's namespace.")
    private StorageSpec volume;

    @JsonPropertyDescription("Keep the dumps in S3-compatible object storage.")
    private S3BackupSpec s3;

    public String getSchedule() {
        return schedule;
    }

    public void setSchedule(String schedule) {
        this.schedule = schedule;
    }

    public BackupRetentionSpec getRetention() {
        return retention;
    }

    public void setRetention(BackupRetentionSpec retention) {
        this.retention = retention;
    }

    public StorageSpec getVolume() {
        return volume;
    }

    public void setVolume(StorageSpec volume) {
        this.volume = volume;
    }

    public S3BackupSpec getS3() {
        return s3;
    }

    public void setS3(S3BackupSpec s3) {
        this.s3 = s3;
    }
}
