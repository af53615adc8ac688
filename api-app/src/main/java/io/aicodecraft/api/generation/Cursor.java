package io.aicodecraft.api.generation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * A keyset position in a caller's history: the (createdAt, id) of the last item of the previous page,
 * opaque to clients (base64url).
 */
public record Cursor(Instant createdAt, UUID id) {

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws IllegalArgumentException when {@code text} is not a cursor this API issued */
    public static Cursor decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split(":", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("not a cursor");
            }
            Instant createdAt = Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS);
            return new Cursor(createdAt, UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException("cursor '" + text + "' is not one this API issued", e);
        }
    }
}
