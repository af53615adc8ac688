package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** TLS between the API and the stack's managed PostgreSQL and Redis. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class TlsSpec {

    @JsonPropertyDescription("true: the managed PostgreSQL and Redis serve TLS with certificates of the stack's own CA (Secret <stack>-ca), renewed 30 days before they expire, and every client checks them (sslmode=verify-full, rediss://). Redis then takes TLS connections only. false: plain connections, for images built without TLS.")
    @Default("true")
    private boolean enabled = true;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
