package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/** The stack's Redis: exactly one of managed or external. */
@ValidationRule(value = SpecRules.MANAGED_XOR_EXTERNAL, message = "set exactly one of managed or external")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class RedisSpec {

    @JsonPropertyDescription("The operator runs Redis with a generated password.")
    private ManagedRedisSpec managed;

    @JsonPropertyDescription("An existing Redis server the API connects to.")
    private ExternalRedisSpec external;

    public ManagedRedisSpec getManaged() {
        return managed;
    }

    public void setManaged(ManagedRedisSpec managed) {
        this.managed = managed;
    }

    public ExternalRedisSpec getExternal() {
        return external;
    }

    public void setExternal(ExternalRedisSpec external) {
        this.external = external;
    }
}
