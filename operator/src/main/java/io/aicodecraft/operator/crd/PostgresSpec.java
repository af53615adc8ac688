package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/** The stack's PostgreSQL: exactly one of managed or external. */
@ValidationRule(value = SpecRules.MANAGED_XOR_EXTERNAL, message = "set exactly one of managed or external")
@ValidationRule(value = SpecRules.BACKUP_NEEDS_MANAGED, message = "backups are taken of a managed PostgreSQL; back up an external one where it runs")
@ValidationRule(value = SpecRules.RESTORE_NEEDS_MANAGED, message = "a restore is into a managed PostgreSQL")
@ValidationRule(value = SpecRules.CREDENTIALS_NEED_MANAGED, message = "the operator rotates the login of a managed PostgreSQL; an external one's credentials are rotated where it runs")
@ValidationRule(value = SpecRules.RESTORE_BACKUP_NEEDS_DESTINATION, message = "restoreFrom.backup is looked up in the destination of backup: set backup")
@ValidationRule(value = SpecRules.RESTORE_KEY_NEEDS_BUCKET, message = "restoreFrom.s3Key is a key in the bucket of backup.s3: set backup.s3")
@ValidationRule(value = SpecRules.RESTORE_ONLY_AT_CREATION, message = "restoreFrom is set when the stack is created: it cannot be added or changed later, only removed")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class PostgresSpec {

    @JsonPropertyDescription("The operator runs PostgreSQL as a StatefulSet with a PVC and generated credentials.")
    private ManagedPostgresSpec managed;

    @JsonPropertyDescription("An existing PostgreSQL server the API connects to.")
    private ExternalPostgresSpec external;

    @JsonPropertyDescription("Scheduled and on-demand logical backups of the managed PostgreSQL (annotation aicodecraft.io/backup-now runs one now).")
    private BackupSpec backup;

    @JsonPropertyDescription("The API's login to the managed PostgreSQL, one of two roles a rotation alternates between.")
    private CredentialsSpec credentials;

    @JsonPropertyDescription("For a new stack: the dump its database is restored from before the migrations run; a database that already holds data is refused (condition Restored).")
    private RestoreSpec restoreFrom;

    public CredentialsSpec getCredentials() {
        return credentials;
    }

    public void setCredentials(CredentialsSpec credentials) {
        this.credentials = credentials;
    }

    public RestoreSpec getRestoreFrom() {
        return restoreFrom;
    }

    public void setRestoreFrom(RestoreSpec restoreFrom) {
        this.restoreFrom = restoreFrom;
    }

    public BackupSpec getBackup() {
        return backup;
    }

    public void setBackup(BackupSpec backup) {
        this.backup = backup;
    }

    public ManagedPostgresSpec getManaged() {
        return managed;
    }

    public void setManaged(ManagedPostgresSpec managed) {
        this.managed = managed;
    }

    public ExternalPostgresSpec getExternal() {
        return external;
    }

    public void setExternal(ExternalPostgresSpec external) {
        this.external = external;
    }
}
