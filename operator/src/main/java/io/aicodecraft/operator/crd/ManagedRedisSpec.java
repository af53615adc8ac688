package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

/** Redis run by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class ManagedRedisSpec {

    /**
     * The Redis the tests run (Debian 12's redis-server, which .ci/run installs and the API's LocalRedis starts),
     * to the patch release; DefaultImagesTest fails when the two part.
     */
    public static final String DEFAULT_IMAGE = "redis:7.0.15-alpine";

    @JsonPropertyDescription("Redis container image.")
    @Default(DEFAULT_IMAGE)
    @Pattern(SpecFormats.IMAGE)
    private String image = DEFAULT_IMAGE;

    @JsonPropertyDescription("Redis maxmemory as a Kubernetes quantity, e.g. 256Mi; the container's memory limit adds headroom on top.")
    @Pattern(SpecFormats.QUANTITY)
    @Default("256Mi")
    private String maxMemory = "256Mi";

    @JsonPropertyDescription("Redis maxmemory-policy: what Redis evicts at maxmemory, e.g. allkeys-lru.")
    @Default("allkeys-lru")
    // an unreadable value, read as null, must survive JOSDK's copy of the stack to be reported
    @JsonInclude(JsonInclude.Include.ALWAYS)
    private RedisEvictionPolicy maxMemoryPolicy = RedisEvictionPolicy.ALLKEYS_LRU;

    @JsonPropertyDescription("Redis persistence.")
    private RedisPersistenceSpec persistence = new RedisPersistenceSpec();

    @JsonPropertyDescription("CPU and memory of the Redis container; what is unset defaults to a request of 100m CPU and, requested and limited, maxMemory plus 128Mi of memory (no CPU limit).")
    private ResourcesSpec resources = new ResourcesSpec();

    @JsonPropertyDescription("Where the Redis pod runs.")
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

    public String getMaxMemory() {
        return maxMemory;
    }

    public void setMaxMemory(String maxMemory) {
        this.maxMemory = maxMemory;
    }

    public RedisEvictionPolicy getMaxMemoryPolicy() {
        return maxMemoryPolicy;
    }

    public void setMaxMemoryPolicy(RedisEvictionPolicy maxMemoryPolicy) {
        this.maxMemoryPolicy = maxMemoryPolicy;
    }

    public RedisPersistenceSpec getPersistence() {
        return persistence;
    }

    public void setPersistence(RedisPersistenceSpec persistence) {
        this.persistence = persistence;
    }

    public ResourcesSpec getResources() {
        return resources;
    }

    public void setResources(ResourcesSpec resources) {
        this.resources = resources;
    }
}
