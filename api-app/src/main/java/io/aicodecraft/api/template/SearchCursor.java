package io.aicodecraft.api.template;

import io.aicodecraft.api.generation.Cursor;

import java.util.Optional;

/**
 * A keyset position in search results: the rank of the last hit of the previous page (absent without query text)
 * and its (updated_at, id), opaque to clients like the history's {@link Cursor}.
 */
public record SearchCursor(Optional<Float> score, Cursor position) {

    public String encode() {
        return score.map(s -> Float.toString(s) + "~").orElse("") + position.encode();
    }

    /** @throws IllegalArgumentException when {@code text} is not a cursor this API issued */
    public static SearchCursor decode(String text) {
        int separator = text.indexOf('~');
        if (separator < 0) {
            return new SearchCursor(Optional.empty(), Cursor.decode(text));
        }
        try {
            return new SearchCursor(Optional.of(Float.parseFloat(text.substring(0, separator))),
                    Cursor.decode(text.substring(separator + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cursor '" + text + "' is not one this API issued", e);
        }
    }
}
