package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonCreator;

/** The kinds of cert-manager issuer a stack's certificates may come from. */
public enum IssuerKind {
    /** An issuer in the stack's namespace. */
    Issuer,
    /** An issuer of the whole cluster. */
    ClusterIssuer;

    /** Null for a value this operator does not know (see {@link WireValues}). */
    @JsonCreator
    public static IssuerKind fromWire(String value) {
        return WireValues.find(values(), IssuerKind::name, value);
    }
}
