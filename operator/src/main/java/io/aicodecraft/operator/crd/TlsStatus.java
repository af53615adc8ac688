package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The certificates the stack's managed servers serve TLS with, when spec.tls.enabled. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class TlsStatus {

    @JsonPropertyDescription("The stack's certificate authority, which signs the server certificates.")
    private CertificateStatus ca;

    @JsonPropertyDescription("The managed PostgreSQL's server certificate.")
    private CertificateStatus postgres;

    @JsonPropertyDescription("The managed Redis's server certificate.")
    private CertificateStatus redis;

    public CertificateStatus getCa() {
        return ca;
    }

    public void setCa(CertificateStatus ca) {
        this.ca = ca;
    }

    public CertificateStatus getPostgres() {
        return postgres;
    }

    public void setPostgres(CertificateStatus postgres) {
        this.postgres = postgres;
    }

    public CertificateStatus getRedis() {
        return redis;
    }

    public void setRedis(CertificateStatus redis) {
        this.redis = redis;
    }
}
