package io.aicodecraft.api.generation;

/**
 * A result as the JSON document that is cached and returned, and whether it came from the cache rather than the
 * model. Kept as text so that a cache hit is answered without decoding and re-encoding it.
 */
public record Outcome(String json, boolean cached) {

    /** The document with a {@code cached} member added (the document is a non-empty JSON object). */
    public String body() {
        return json.substring(0, json.lastIndexOf('}')) + ",\"cached\":" + cached + "}";
    }
}
