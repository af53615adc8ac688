package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One certificate of the stack: where it is kept and when it expires (never its contents). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class CertificateStatus {

    @JsonPropertyDescription("The Secret that holds it.")
    private String secret;

    @JsonPropertyDescription("When it expires (RFC 3339, UTC).")
    private String notAfter;

    public CertificateStatus() {
    }

    public CertificateStatus(String secret, String notAfter) {
        this.secret = secret;
        this.notAfter = notAfter;
    }

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    public String getNotAfter() {
        return notAfter;
    }

    public void setNotAfter(String notAfter) {
        this.notAfter = notAfter;
    }
}
