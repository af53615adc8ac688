package io.aicodecraft.api.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What {@code backup store} did, as the one JSON line it prints and writes to the termination message file:
 * {@code {"name":..,"sizeBytes":..,"kept":..,"pruned":..}}. {@code kept} counts this stack's dumps left after
 * retention (the new one included), {@code pruned} the dumps retention deleted.
 */
public record StoreResult(String name, long sizeBytes, int kept, int pruned) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public String jsonLine() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static StoreResult parse(String jsonLine) {
        try {
            return JSON.readValue(jsonLine, StoreResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a store result: " + jsonLine, e);
        }
    }
}
