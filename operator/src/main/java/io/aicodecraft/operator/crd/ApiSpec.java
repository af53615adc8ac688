package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** The API workload. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class ApiSpec {

    @JsonPropertyDescription("Container image of the AICodeCraft API, e.g. ghcr.io/aicodecraft/api-app:0.1.0. A new image runs the migrations first.")
    @Required
    @Pattern(SpecFormats.IMAGE)
    private String image;

    @JsonPropertyDescription("API pods when autoscaling is off.")
    @Min(1)
    @Default("2")
    private int replicas = 2;

    @JsonPropertyDescription("Horizontal pod autoscaling of the API; when enabled its maxReplicas sizes the database connections.")
    private AutoscalingSpec autoscaling = new AutoscalingSpec();

    @JsonPropertyDescription("CPU and memory requests and limits of each API container and of the migration Job; what is unset defaults to requests of 250m CPU and 512Mi memory and a 1Gi memory limit (no CPU limit).")
    private ResourcesSpec resources = new ResourcesSpec();

    @JsonPropertyDescription("Connection pools of each API pod; they size PostgreSQL max_connections and Redis maxclients.")
    private PoolsSpec pools = new PoolsSpec();

    @JsonPropertyDescription("The code model the API calls.")
    private ModelSpec model = new ModelSpec();

    @JsonPropertyDescription("The Redis cache in front of the model.")
    private CacheSpec cache = new CacheSpec();

    @JsonPropertyDescription("Per-API-key request budget.")
    private RateLimitSpec rateLimit = new RateLimitSpec();

    @JsonPropertyDescription("Where the API pods and the migration Job run; by default the API pods spread softly across zones and nodes, and prefer different nodes when there are several.")
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

    public int getReplicas() {
        return replicas;
    }

    public void setReplicas(int replicas) {
        this.replicas = replicas;
    }

    public AutoscalingSpec getAutoscaling() {
        return autoscaling;
    }

    public void setAutoscaling(AutoscalingSpec autoscaling) {
        this.autoscaling = autoscaling;
    }

    public ResourcesSpec getResources() {
        return resources;
    }

    public void setResources(ResourcesSpec resources) {
        this.resources = resources;
    }

    public PoolsSpec getPools() {
        return pools;
    }

    public void setPools(PoolsSpec pools) {
        this.pools = pools;
    }

    public ModelSpec getModel() {
        return model;
    }

    public void setModel(ModelSpec model) {
        this.model = model;
    }

    public CacheSpec getCache() {
        return cache;
    }

    public void setCache(CacheSpec cache) {
        this.cache = cache;
    }

    public RateLimitSpec getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(RateLimitSpec rateLimit) {
        this.rateLimit = rateLimit;
    }
}
