package io.aicodecraft.api.chain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where a chain is: running until every task succeeded or one task failed for good. */
public enum ChainStatus {
    RUNNING, SUCCEEDED, FAILED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ChainStatus of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
