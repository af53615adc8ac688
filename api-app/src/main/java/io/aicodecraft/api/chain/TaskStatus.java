package io.aicodecraft.api.chain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where a task is: waiting for its dependencies, queued, being run, or finished. */
public enum TaskStatus {
    WAITING, QUEUED, RUNNING, SUCCEEDED, FAILED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TaskStatus of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
