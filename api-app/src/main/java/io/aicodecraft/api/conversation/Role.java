package io.aicodecraft.api.conversation;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Who said a message: the caller, or the model answering it. */
public enum Role {
    USER, ASSISTANT;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Role byId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
