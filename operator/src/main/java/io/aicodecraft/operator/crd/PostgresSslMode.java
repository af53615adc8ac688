package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Locale;

/** pgJDBC's {@code sslmode} for an external PostgreSQL. */
public enum PostgresSslMode {
    @JsonProperty("disable")
    DISABLE,
    @JsonProperty("allow")
    ALLOW,
    @JsonProperty("prefer")
    PREFER,
    @JsonProperty("require")
    REQUIRE,
    @JsonProperty("verify-ca")
    VERIFY_CA,
    @JsonProperty("verify-full")
    VERIFY_FULL;

    /** The name pgJDBC and the resource use. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Null for a value this operator does not know (see {@link WireValues}). */
    @JsonCreator
    public static PostgresSslMode fromWire(String value) {
        return WireValues.find(values(), PostgresSslMode::wireName, value);
    }
}
