package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;

/** The cert-manager issuer of a stack's server certificates. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class IssuerReference {

    static final String CERT_MANAGER_GROUP = "cert-manager.io";

    @JsonPropertyDescription("Name of the Issuer (in the stack's namespace) or ClusterIssuer.")
    @Required
    private String name;

    @JsonPropertyDescription("Issuer or ClusterIssuer.")
    @Default("Issuer")
    private IssuerKind kind = IssuerKind.Issuer;

    @JsonPropertyDescription("API group of the issuer: cert-manager.io, or an external issuer's group.")
    @Default(CERT_MANAGER_GROUP)
    private String group = CERT_MANAGER_GROUP;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public IssuerKind getKind() {
        return kind;
    }

    public void setKind(IssuerKind kind) {
        this.kind = kind;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }
}
