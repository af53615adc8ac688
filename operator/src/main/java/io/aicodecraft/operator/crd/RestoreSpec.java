package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

/** The dump a new stack's database starts from: restored before the migrations, which then bring it forward. */
@ValidationRule(value = SpecRules.ONE_RESTORE_SOURCE, message = "set exactly one of backup, volume or s3Key")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class RestoreSpec {

    /** A dump's name as {@code backup store} gives it, which begins with the name of the stack it is of. */
    public static final String DUMP_NAME = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?-[0-9]{8}T[0-9]{6}Z\\.dump$";

    @JsonPropertyDescription("A backup by its name, e.g. team-a-20261203T030012Z.dump (status.backups.lastSuccessful.name of the stack it is of), in the destination of spec.postgres.backup: on a volume, the backups' claim of that stack in this namespace; in object storage, under spec.postgres.backup.s3's prefix.")
    @Pattern(DUMP_NAME)
    private String backup;

    @JsonPropertyDescription("A dump file on a volume claim of this namespace.")
    private RestoreVolumeSpec volume;

    @JsonPropertyDescription("An object key in the bucket of spec.postgres.backup.s3, taken as it is (no prefix added).")
    private String s3Key;

    public String getBackup() {
        return backup;
    }

    public void setBackup(String backup) {
        this.backup = backup;
    }

    public RestoreVolumeSpec getVolume() {
        return volume;
    }

    public void setVolume(RestoreVolumeSpec volume) {
        this.volume = volume;
    }

    public String getS3Key() {
        return s3Key;
    }

    public void setS3Key(String s3Key) {
        this.s3Key = s3Key;
    }

    /** What the Restored condition names as the source. */
    public String describe() {
        if (backup != null) {
            return "backup " + backup;
        }
        if (volume != null) {
            return "file " + volume.getPath() + " on claim " + volume.getClaimName();
        }
        return "object " + s3Key;
    }
}
