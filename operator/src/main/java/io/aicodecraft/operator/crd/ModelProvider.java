package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Locale;

/** The code model behind the API; the wire names are the API's {@code AICC_MODEL_PROVIDER} values. */
public enum ModelProvider {
    @JsonProperty("template")
    TEMPLATE,
    @JsonProperty("openai")
    OPENAI;

    /** The value of {@code AICC_MODEL_PROVIDER}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Null for a value this operator does not know (see {@link WireValues}). */
    @JsonCreator
    public static ModelProvider fromWire(String value) {
        return WireValues.find(values(), ModelProvider::wireName, value);
    }
}
