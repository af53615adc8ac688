package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** An existing PostgreSQL server. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@ValidationRule(value = SpecRules.VERIFYING_SSL_NEEDS_CA,
        message = "sslMode verify-ca and verify-full need caSecretRef, the CA the server's certificate is checked against")
public class ExternalPostgresSpec {

    @JsonPropertyDescription("Host name of the server.")
    @Required
    private String host;

    @JsonPropertyDescription("Port of the server.")
    @Min(1)
    @Max(65535)
    @Default("5432")
    private int port = 5432;

    @JsonPropertyDescription("Database the API uses.")
    @Required
    private String database;

    @JsonPropertyDescription("Secret with keys username and password.")
    @Required
    private LocalSecretReference credentialsSecretRef;

    @JsonPropertyDescription("pgJDBC sslmode: disable, allow, prefer, require, verify-ca or verify-full.")
    @Default("require")
    // an unreadable value, read as null, must survive JOSDK's copy of the stack to be reported
    @JsonInclude(JsonInclude.Include.ALWAYS)
    private PostgresSslMode sslMode = PostgresSslMode.REQUIRE;

    @JsonPropertyDescription("Secret key holding the PEM certificate(s) of the CA that signed the server's certificate;"
            + " needed by sslMode verify-ca and verify-full. Mounted read-only into the API and migration pods.")
    private SecretKeyReference caSecretRef;

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public String getDatabase() {
        return database;
    }

    public void setDatabase(String database) {
        this.database = database;
    }

    public LocalSecretReference getCredentialsSecretRef() {
        return credentialsSecretRef;
    }

    public void setCredentialsSecretRef(LocalSecretReference credentialsSecretRef) {
        this.credentialsSecretRef = credentialsSecretRef;
    }

    public PostgresSslMode getSslMode() {
        return sslMode;
    }

    public void setSslMode(PostgresSslMode sslMode) {
        this.sslMode = sslMode;
    }

    public SecretKeyReference getCaSecretRef() {
        return caSecretRef;
    }

    public void setCaSecretRef(SecretKeyReference caSecretRef) {
        this.caSecretRef = caSecretRef;
    }
}
