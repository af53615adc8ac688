package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.AICodeCraftStackSpec;
import io.aicodecraft.operator.crd.CredentialsSpec;
import io.aicodecraft.operator.crd.PostgresSpec;
import io.fabric8.kubernetes.api.model.Secret;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A rotation of the stack's generated credentials, asked for by a new token in the stack's {@link #ANNOTATION} (and,
 * for the PostgreSQL login and owner, by {@code spec.postgres.credentials.rotationSchedule}). Each
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

    /**
     * The rotation of a PostgreSQL credential (the login, the owner's password) due {@code now}, as the token to
     * record: a new token, or the latest run of {@code spec.postgres.credentials.rotationSchedule} when none took
     * effect since (which keeps the token). {@code done} and {@code rotatedAt}: the credential's latest rotation.
     */
    public static Optional<String> postgresDue(AICodeCraftStack stack, String done, Optional<Instant> rotatedAt,
                                               Instant now) {
        String token = requested(stack);
        if (due(token, done)) {
            return Optional.of(token);
        }
        boolean scheduled = schedule(stack).map(schedule -> schedule.last(now))
                .flatMap(run -> rotatedAt.map(rotated -> rotated.isBefore(run))).orElse(false);
        return scheduled ? Optional.of(done) : Optional.empty();
    }

    /** When the schedule rotates next after {@code now}, if the stack has one: no event marks that moment. */
    public static Optional<Instant> nextScheduled(AICodeCraftStack stack, Instant now) {
        return schedule(stack).map(schedule -> schedule.next(now));
    }

    static Optional<String> scheduleText(AICodeCraftStackSpec spec) {
        return Optional.ofNullable(spec.getPostgres()).map(PostgresSpec::getCredentials)
                .map(CredentialsSpec::getRotationSchedule).filter(text -> !text.isBlank());
    }

    /** The schedule, which SpecProblems has found valid before any reconcile reads it. */
    private static Optional<CronSchedule> schedule(AICodeCraftStack stack) {
        return scheduleText(stack.getSpec()).filter(text -> PostgresStatefulSet.applies(stack)).map(CronSchedule::parse);
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

    /** Records on {@code secret} the token of its latest rotation and when that took effect, where there are any. */
    static void annotate(Secret secret, String rotation, Optional<Instant> rotatedAt) {
        Map<String, String> annotations = new LinkedHashMap<>(annotations(secret));
        if (!rotation.isEmpty()) {
            annotations.put(ROTATION, rotation);
        }
        rotatedAt.ifPresent(time -> annotations.put(ROTATED_AT, time.toString()));
        if (!annotations.isEmpty()) {
            secret.getMetadata().setAnnotations(annotations);
        }
    }

    /** The token of the latest rotation {@code secret} records ("" for none). */
    static String rotation(Secret secret) {
        return annotations(secret).getOrDefault(ROTATION, "");
    }

    /** When the latest rotation {@code secret} records took effect. */
    static Optional<Instant> rotatedAt(Secret secret) {
        return instant(annotations(secret).get(ROTATED_AT));
    }

    static Map<String, String> annotations(Secret secret) {
        return Optional.ofNullable(secret.getMetadata().getAnnotations()).orElse(Map.of());
    }
}
