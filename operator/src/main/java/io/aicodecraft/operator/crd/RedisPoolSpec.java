package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** The API's Redis connection pool (per pod). */
@ValidationRule(value = SpecRules.REDIS_POOL_ORDERED, message = "maxTotal must be at least maxIdle")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class RedisPoolSpec {

    @JsonPropertyDescription("Most connections each pod opens; times the most API pods, this sizes Redis maxclients.")
    @Min(1)
    @Default("16")
    private int maxTotal = 16;

    @JsonPropertyDescription("Idle connections each pod keeps.")
    @Min(0)
    @Default("8")
    private int maxIdle = 8;

    public int getMaxTotal() {
        return maxTotal;
    }

    public void setMaxTotal(int maxTotal) {
        this.maxTotal = maxTotal;
    }

    public int getMaxIdle() {
        return maxIdle;
    }

    public void setMaxIdle(int maxIdle) {
        this.maxIdle = maxIdle;
    }
}
