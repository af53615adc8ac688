package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Nullable;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

import java.util.LinkedHashMap;
import java.util.Map;

/** PostgreSQL run by the operator. */
@ValidationRule(value = SpecRules.MAX_CONNECTIONS_NOT_A_PARAMETER, message = "set max_connections with maxConnections, not parameters")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class ManagedPostgresSpec {

    /**
     * pgvector's image, so that semantic search works: its PostgreSQL major is the one the tests run (the embedded
     * binaries, {@code postgres-binaries.version} in the parent POM) and its pgvector the one the pgvector tests run
     * (.ci/pgvector.sh); DefaultImagesTest fails when they part. The Debian release is pinned: a newer C library
     * can sort text differently and so corrupt the indexes of an existing data directory.
     */
    public static final String DEFAULT_IMAGE = "pgvector/pgvector:0.8.5-pg17-bookworm";

    @JsonPropertyDescription("PostgreSQL container image.")
    @Default(DEFAULT_IMAGE)
    @Pattern(SpecFormats.IMAGE)
    private String image = DEFAULT_IMAGE;

    @JsonPropertyDescription("The data volume; fixed once the stack exists.")
    @Default("{}")
    @ValidationRule(value = SpecRules.STORAGE_UNCHANGED, message = "storage cannot change once the volume exists: a StatefulSet's volume claim template is immutable")
    private StorageSpec storage = new StorageSpec();

    @JsonPropertyDescription("CPU and memory of the PostgreSQL container; what is unset defaults to requests of 250m CPU and 256Mi memory and a 1Gi memory limit (no CPU limit).")
    private ResourcesSpec resources = new ResourcesSpec();

    @JsonPropertyDescription("PostgreSQL max_connections; leave unset to derive it from the pool plan. A value below what the pools need gives PoolsConfigured=False.")
    @Min(1)
    @Nullable
    private Integer maxConnections;

    @JsonPropertyDescription("Further PostgreSQL settings passed as -c name=value (max_connections is set by maxConnections).")
    private Map<String, String> parameters = new LinkedHashMap<>();

    @JsonPropertyDescription("Where the PostgreSQL pod (and its backup and restore Jobs) run.")
    private SchedulingSpec scheduling = new SchedulingSpec();

    public SchedulingSpec getScheduling() {
        return scheduling;
    }

    public void setScheduling(SchedulingSpec scheduling) {
        this.scheduling = scheduling;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public StorageSpec getStorage() {
        return storage;
    }

    public void setStorage(StorageSpec storage) {
        this.storage = storage;
    }

    public ResourcesSpec getResources() {
        return resources;
    }

    public void setResources(ResourcesSpec resources) {
        this.resources = resources;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Map<String, String> getParameters() {
        return parameters;
    }

    public void setParameters(Map<String, String> parameters) {
        this.parameters = parameters;
    }
}
