package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Nullable;
import io.fabric8.generator.annotation.Pattern;

/** The volume claim the dumps are kept on; like the PostgreSQL credentials it outlives the stack under Retain. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class BackupVolumeSpec {

    @JsonPropertyDescription("Requested size, e.g. 20Gi.")
    @Pattern(SpecFormats.QUANTITY)
    @Default("10Gi")
    private String size = "10Gi";

    @JsonPropertyDescription("Storage class; unset: the cluster's default.")
    @Nullable
    private String storageClassName;

    public String getSize() {
        return size;
    }

    public void setSize(String size) {
        this.size = size;
    }

    public String getStorageClassName() {
        return storageClassName;
    }

    public void setStorageClassName(String storageClassName) {
        this.storageClassName = storageClassName;
    }
}
