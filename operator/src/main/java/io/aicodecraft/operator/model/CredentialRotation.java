package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.Secret;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * A rotation of the stack's generated credentials, asked for by a new token in the stack's {@link #ANNOTATION}. Each
 * rotated Secret records the token it last rotated for and when, in annotations, so a token is acted on once and
 * people can see where a rotation stands.
 */
public final class CredentialRotation {

    /** The stack's annotation asking for a rotation: each new token is one. */
    public static final String ANNOTATION = "aicodecraft.io/rotate-credentials";
    /** On a rotated Secret: the token of its latest rotation. */
    static final String ROTATION = "aicodecraft.io/rotation";
    /** On a rotated Secret: when its latest rotation took effect. */
    static final String ROTATED_AT = "aicodecraft.io/rotated-at";

    private CredentialRotation() {
    }

    /** The token the stack asks for, or "" when it asks for none. */
    public static String requested(AICodeCraftStack stack) {
        Map<String, String> annotations = stack.getMetadata().getAnnotations();
        return annotations == null ? "" : annotations.getOrDefault(ANNOTATION, "").strip();
    }

    /** Whether {@code token} is a rotation not yet made by a Secret whose latest rotation was {@code done}. */
    public static boolean due(String token, String done) {
        return !token.isEmpty() && !token.equals(done);
    }

    /** A time a person edited into nonsense is no time, not a failed reconcile. */
    static Optional<Instant> instant(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Map<String, String> annotations(Secret secret) {
        return Optional.ofNullable(secret.getMetadata().getAnnotations()).orElse(Map.of());
    }
}
