package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

/** The API's PostgreSQL connection pool (per pod). */
@ValidationRule(value = SpecRules.DATABASE_POOL_ORDERED, message = "maxSize must be at least minIdle")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class DatabasePoolSpec {

    @JsonPropertyDescription("Idle connections each pod keeps open.")
    @Min(0)
    @Default("2")
    private int minIdle = 2;

    @JsonPropertyDescription("Most connections each pod opens; times the most API pods, this sizes PostgreSQL max_connections.")
    @Min(1)
    @Default("10")
    private int maxSize = 10;

    @JsonPropertyDescription("How long a request waits for a free connection, e.g. 5s or 500ms.")
    @Pattern(SpecFormats.DURATION)
    @Default("5s")
    private String connectionTimeout = "5s";

    public int getMinIdle() {
        return minIdle;
    }

    public void setMinIdle(int minIdle) {
        this.minIdle = minIdle;
    }

    public int getMaxSize() {
        return maxSize;
    }

    public void setMaxSize(int maxSize) {
        this.maxSize = maxSize;
    }

    public String getConnectionTimeout() {
        return connectionTimeout;
    }

    public void setConnectionTimeout(String connectionTimeout) {
        this.connectionTimeout = connectionTimeout;
    }
}
