package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** TLS between the API and the stack's managed PostgreSQL and Redis. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class TlsSpec {

    @JsonPropertyDescription("true: the managed PostgreSQL and Redis serve TLS with certificates of the stack's own CA (Secret <stack>-ca), or of issuerRef's, renewed 30 days before they expire, and every client checks them (sslmode=verify-full, rediss://). Redis then takes TLS connections only. false: plain connections, for images built without TLS.")
    @Default("true")
    private boolean enabled = true;

    @JsonPropertyDescription("A cert-manager issuer to take the server certificates from instead of the stack's own CA: the operator writes cert-manager Certificates for the Secrets <stack>-postgres-tls and <stack>-redis-tls, and the clients trust the ca.crt cert-manager puts in them (CA, Vault and self-signed issuers do). Needs cert-manager's CRDs in the cluster.")
    private IssuerReference issuerRef;

    public IssuerReference getIssuerRef() {
        return issuerRef;
    }

    public void setIssuerRef(IssuerReference issuerRef) {
        this.issuerRef = issuerRef;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
