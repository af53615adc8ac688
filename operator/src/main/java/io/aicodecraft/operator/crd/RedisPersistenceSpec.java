package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Nullable;
import io.fabric8.generator.annotation.Pattern;

/** Redis persistence. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class RedisPersistenceSpec {

    @JsonPropertyDescription("true: Redis keeps an append-only file on a PVC, so queued tasks survive a restart; false: Redis holds everything in memory only.")
    @Default("false")
    private boolean enabled;

    @JsonPropertyDescription("Size of the PVC when persistence is enabled, e.g. 1Gi.")
    @Pattern(SpecFormats.QUANTITY)
    @Default("1Gi")
    private String size = "1Gi";

    @JsonPropertyDescription("Storage class of the PVC; unset: the cluster's default.")
    @Nullable
    private String storageClassName;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

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
