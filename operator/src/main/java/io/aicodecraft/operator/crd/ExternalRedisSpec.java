package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** An existing Redis server. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class ExternalRedisSpec {

    @JsonPropertyDescription("Secret key holding the redis:// or rediss:// URL, password included.")
    @Required
    private SecretKeyReference urlSecretRef;

    public SecretKeyReference getUrlSecretRef() {
        return urlSecretRef;
    }

    public void setUrlSecretRef(SecretKeyReference urlSecretRef) {
        this.urlSecretRef = urlSecretRef;
    }
}
