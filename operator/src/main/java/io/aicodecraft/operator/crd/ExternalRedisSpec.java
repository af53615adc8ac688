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

    @JsonPropertyDescription("Secret key holding the password, for a URL without one (as cloud Redis services hand"
            + " them out); it wins over a password in the URL.")
    private SecretKeyReference passwordSecretRef;

    @JsonPropertyDescription("Secret key holding the PEM CA that signed the Redis's certificate, for a rediss:// Redis behind a private CA; without it the JVM's list of CAs decides.")
    private SecretKeyReference caSecretRef;

    public SecretKeyReference getCaSecretRef() {
        return caSecretRef;
    }

    public void setCaSecretRef(SecretKeyReference caSecretRef) {
        this.caSecretRef = caSecretRef;
    }

    public SecretKeyReference getUrlSecretRef() {
        return urlSecretRef;
    }

    public void setUrlSecretRef(SecretKeyReference urlSecretRef) {
        this.urlSecretRef = urlSecretRef;
    }

    public SecretKeyReference getPasswordSecretRef() {
        return passwordSecretRef;
    }

    public void setPasswordSecretRef(SecretKeyReference passwordSecretRef) {
        this.passwordSecretRef = passwordSecretRef;
    }
}
